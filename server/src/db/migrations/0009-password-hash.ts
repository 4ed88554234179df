import { Migration } from '@mikro-orm/migrations';

/**
 * Password hashes out of the application role's reach. Row policies let government roles read every
 * account and partners their colleagues', and with the rows came their argon2 hashes, open to offline
 * guessing. The role now reads every column of app_user but password_hash (a column added later must
 * be granted in its migration), and gets a hash only through sinergi_password_hash(): for the login,
 * which runs with no viewer, and for the viewer's own account (a password change checks the current
 * one). Writing a new hash is unchanged: the UPDATE privilege and the app_user policies decide.
 */
export class Migration0009PasswordHash extends Migration {
  override async up(): Promise<void> {
    this.addSql(`revoke select on app_user from sinergi_app;`);
    this.addSql(`
      do $$
      declare readable text;
      begin
        select string_agg(quote_ident(column_name), ', ' order by ordinal_position) into readable
          from information_schema.columns
         where table_schema = current_schema() and table_name = 'app_user' and column_name <> 'password_hash';
        execute format('grant select (%s) on app_user to sinergi_app', readable);
      end $$;`);
    this.addSql(`
      create function sinergi_password_hash(p_user uuid) returns text
        language sql stable security definer set search_path = public as $$
        select u.password_hash from app_user u
         where u.id = p_user and ((select sinergi_role()) = '' or u.id = (select sinergi_user_id()))
      $$;`);
    this.addSql(`revoke all on function sinergi_password_hash(uuid) from public;`);
    this.addSql(`grant execute on function sinergi_password_hash(uuid) to sinergi_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function sinergi_password_hash(uuid);`);
    this.addSql(`grant select on app_user to sinergi_app;`);
  }
}
