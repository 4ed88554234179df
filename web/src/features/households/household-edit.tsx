import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { UpdateHouseholdInput, VerificationStatus } from '../../gql/graphql';
import { apiError, describeError } from '../../lib/errors';
import { useNumberSeparators } from '../../i18n/format';

const UPDATE_HOUSEHOLD = graphql(`
  mutation UpdateHousehold($input: UpdateHouseholdInput!) {
    updateHousehold(input: $input) {
      id
      address
      rt
      rw
      monthlyExpenditurePerCapita
      verificationStatus
      version
      updatedAt
    }
  }
`);

const HOUSEHOLD_VERSION = graphql(`
  fragment HouseholdVersion on Household {
    version
  }
`);

interface EditableHousehold {
  id: string;
  version: number;
  address?: string | null;
  rt?: string | null;
  rw?: string | null;
  monthlyExpenditurePerCapita?: number | null;
  verificationStatus: VerificationStatus;
}

const VERIFICATION: VerificationStatus[] = ['UNVERIFIED', 'VERIFIED', 'NEEDS_UPDATE'];

export function HouseholdEditDialog({ opened, onClose, onSaved, household }: {
  opened: boolean;
  onClose: () => void;
  onSaved?: () => void;
  household: EditableHousehold;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('household.edit')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened && <HouseholdEditForm household={household} onCancel={onClose} onDone={() => { onSaved?.(); onClose(); }} />}
    </Modal>
  );
}

function HouseholdEditForm({ household, onDone, onCancel }: { household: EditableHousehold; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const separators = useNumberSeparators();
  const client = useApolloClient();
  const [version, setVersion] = useState(household.version);
  const [address, setAddress] = useState(household.address ?? '');
  const [rt, setRt] = useState(household.rt ?? '');
  const [rw, setRw] = useState(household.rw ?? '');
  const [expenditure, setExpenditure] = useState<number | ''>(household.monthlyExpenditurePerCapita ?? '');
  const [verification, setVerification] = useState<VerificationStatus>(household.verificationStatus);
  const [update, { loading, error, reset }] = useMutation(UPDATE_HOUSEHOLD);
  const info = apiError(error);
  const fieldError = (f: string) => (info?.code === 'BAD_USER_INPUT' && info.field?.endsWith(`.${f}`) ? info.message : undefined);
  const generalError = info && !(info.code === 'BAD_USER_INPUT' && info.field) ? info : null;

  async function reload() {
    await client.refetchQueries({ include: ['HouseholdDetail'] });
    const fresh = client.cache.readFragment({
      id: client.cache.identify({ __typename: 'Household', id: household.id }),
      fragment: HOUSEHOLD_VERSION,
    });
    if (fresh) setVersion(fresh.version);
    reset();
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // Only the fields changed here are sent, so a reload after a conflict keeps the other edits.
        const input: UpdateHouseholdInput = { id: household.id, version };
        const text = (v: string) => v.trim() || null;
        if (text(address) !== (household.address ?? null)) input.address = text(address);
        if (text(rt) !== (household.rt ?? null)) input.rt = text(rt);
        if (text(rw) !== (household.rw ?? null)) input.rw = text(rw);
        const exp = expenditure === '' ? null : expenditure;
        if (exp !== (household.monthlyExpenditurePerCapita ?? null)) input.monthlyExpenditurePerCapita = exp;
        if (verification !== household.verificationStatus) input.verificationStatus = verification;
        update({
          variables: { input },
        }).then(onDone, () => undefined);
      }}
    >
      <Stack gap="sm">
        {generalError && (
          <Alert color={generalError.code === 'CONFLICT' ? 'yellow' : 'red'} role="alert">
            {generalError.code === 'CONFLICT' ? t('household.conflict') : describeError(error, t)}
            {generalError.code === 'CONFLICT' && (
              <Button size="xs" mt="xs" variant="light" onClick={() => void reload()} display="block">{t('household.reload')}</Button>
            )}
          </Alert>
        )}
        <TextInput label={t('households.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={fieldError('address')} />
        <Group grow>
          <TextInput label={t('household.rt')} value={rt} onChange={(e) => setRt(e.currentTarget.value)} error={fieldError('rt')} />
          <TextInput label={t('household.rw')} value={rw} onChange={(e) => setRw(e.currentTarget.value)} error={fieldError('rw')} />
        </Group>
        <NumberInput
          label={t('household.expenditure')}
          min={0}
          {...separators}
          value={expenditure}
          onChange={(v) => setExpenditure(v === '' ? '' : Number(v))}
          error={fieldError('monthlyExpenditurePerCapita')}
        />
        <Select
          label={t('household.verification')}
          data={VERIFICATION.map((v) => ({ value: v, label: t(`verificationStatus.${v}`) }))}
          value={verification}
          onChange={(v) => v && setVerification(v as VerificationStatus)}
          allowDeselect={false}
          error={fieldError('verificationStatus')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={loading}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
