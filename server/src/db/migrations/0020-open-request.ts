import { Migration } from '@mikro-orm/migrations';

/**
 * A request's opening in one statement instead of three (README, "Statements per request"): hands
 * the application clock to the transaction, finds the live session behind a token hash, and sets the
 * viewer settings row-level security reads, returning the viewer (no row when there is none).
 *
 * SECURITY INVOKER, so the session lookup runs under the same policies as before, and in the same
 * order: the clock first (the session policy compares expiry with it), the lookup as nobody (the
 * viewer settings are still empty), then the viewer. API tokens, which also stamp their last use,
 * keep their own path (request-transaction.ts).
 */
export class Migration0020OpenRequest extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function sinergi_open_request(p_now text, p_today text, p_session_hash text)
      returns table (user_id uuid, username text, role text, organization_id uuid, area_id uuid, area_code text, session_id uuid)
      language plpgsql volatile security invoker set search_path = public as $$
      declare
        v_user uuid; v_username text; v_role text; v_org uuid; v_area uuid; v_code text; v_session uuid;
      begin
        perform set_config('sinergi.now', p_now, true), set_config('sinergi.today', p_today, true);
        if p_session_hash is not null then
          select u.id, u.username, u.role, u.organization_id, u.area_id, a.code, s.id
            into v_user, v_username, v_role, v_org, v_area, v_code, v_session
            from user_session s
            join app_user u on u.id = s.user_id
            left join area a on a.id = u.area_id
           where s.token_hash = p_session_hash and s.revoked_at is null and s.expires_at > sinergi_now() and u.active;
        end if;
        perform set_config('sinergi.user_id', coalesce(v_user::text, ''), true), set_config('sinergi.role', coalesce(v_role, ''), true),
                set_config('sinergi.org_id', coalesce(v_org::text, ''), true), set_config('sinergi.area_code', coalesce(v_code, ''), true);
        if v_user is not null then
          return query select v_user, v_username, v_role, v_org, v_area, v_code, v_session;
        end if;
      end $$;`);
    this.addSql(`revoke all on function sinergi_open_request(text, text, text) from public;`);
    this.addSql(`grant execute on function sinergi_open_request(text, text, text) to sinergi_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function sinergi_open_request(text, text, text);`);
  }
}
