import { ApolloClient, ApolloLink, InMemoryCache, type OperationVariables } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { ReactElement } from 'react';
import { Observable } from 'rxjs';

export interface OrganizationRow {
  id: string;
  name: string;
  shortName?: string | null;
  type?: string;
}
export interface ProgramRow {
  id: string;
  name: string;
}

type Filter = { search?: string; type?: string[] } | null | undefined;

const matches = (text: string | undefined, ...fields: (string | null | undefined)[]) =>
  !text || fields.some((f) => f?.toLowerCase().includes(text.toLowerCase()));

/**
 * A stand-in server for the option pickers: it answers the organisation and program option queries from
 * the rows given, searching them as the real server does (part of a name), and records every request so
 * that a test can check what the picker asked for. `other` answers any further operation of the page.
 */
export function optionServer({ organizations = [], programs = [], other }: {
  organizations?: readonly OrganizationRow[];
  programs?: readonly ProgramRow[];
  other?: (name: string, variables: OperationVariables) => Record<string, unknown> | undefined;
}) {
  const requests: { name: string; variables: OperationVariables }[] = [];
  const org = (o: OrganizationRow) => ({ __typename: 'Organization', id: o.id, name: o.name, shortName: o.shortName ?? null });
  const program = (p: ProgramRow) => ({ __typename: 'Program', id: p.id, name: p.name });
  const page = <T,>(rows: T[], first: unknown) => rows.slice(0, typeof first === 'number' ? first : 20);

  function answer(name: string, v: OperationVariables): Record<string, unknown> | undefined {
    const filter = v['filter'] as Filter;
    switch (name) {
      case 'OrganizationOptions': {
        const rows = organizations.filter((o) => (!filter?.type || filter.type.includes(o.type ?? '')) && matches(filter?.search, o.name, o.shortName));
        return { organizations: { __typename: 'OrganizationConnection', edges: page(rows, v['first']).map((o) => ({ __typename: 'OrganizationEdge', node: org(o) })) } };
      }
      case 'OrganizationOption': {
        const o = organizations.find((x) => x.id === v['id']);
        return { organization: o ? org(o) : null };
      }
      case 'ProgramOptions': {
        const rows = programs.filter((p) => matches(filter?.search, p.name));
        return { programs: { __typename: 'ProgramConnection', edges: page(rows, v['first']).map((p) => ({ __typename: 'ProgramEdge', node: program(p) })) } };
      }
      case 'ProgramOption': {
        const p = programs.find((x) => x.id === v['id']);
        return { program: p ? program(p) : null };
      }
      default:
        return other?.(name, v);
    }
  }

  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const name = operation.operationName ?? '';
        requests.push({ name, variables: operation.variables });
        const data = answer(name, operation.variables);
        if (data) observer.next({ data });
        else observer.error(new Error(`optionServer: no answer for ${name}`));
        observer.complete();
      }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return {
    client,
    requests,
    /** The search texts the picker sent with one operation, in order (null: no search). */
    searches: (name: string) => requests.filter((r) => r.name === name).map((r) => (r.variables['filter'] as Filter)?.search ?? null),
    wrap: (ui: ReactElement) => <ApolloProvider client={client}>{ui}</ApolloProvider>,
  };
}
