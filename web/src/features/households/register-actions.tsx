import { Button, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import {
  AddMemberDialog, AssessmentDialog, CorrectKkDialog, CorrectNikDialog, EditMemberDialog, HouseConditionsDialog, MemberExitDialog, MoveMemberDialog,
  type RegisterMember,
} from './register-dialogs';

type HouseholdActionsProps = Parameters<typeof HouseConditionsDialog>[0]['household'] & { kkNumber: string };

/** The household page's register buttons, for the roles the server lets do each. */
export function RegisterActions({ household, register, assess, onSaved }: {
  household: HouseholdActionsProps;
  register: boolean;
  assess: boolean;
  onSaved: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'add' | 'house' | 'kk' | 'assess' | null>(null);
  const close = () => setOpen(null);
  if (!register && !assess) return null;
  return (
    <>
      {register && <Button variant="default" onClick={() => setOpen('add')} data-testid="add-member">{t('register.addMember')}</Button>}
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" data-testid="register-menu">{t('register.more')}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          {register && <Menu.Item onClick={() => setOpen('house')} data-testid="open-house">{t('register.houseTitle')}</Menu.Item>}
          {register && <Menu.Item onClick={() => setOpen('kk')} data-testid="open-kk">{t('register.correctKk')}</Menu.Item>}
          {assess && <Menu.Item onClick={() => setOpen('assess')} data-testid="open-assessment">{t('register.assessment')}</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
      {register && <AddMemberDialog opened={open === 'add'} onClose={close} onSaved={onSaved} householdId={household.id} />}
      {register && <HouseConditionsDialog opened={open === 'house'} onClose={close} onSaved={onSaved} household={household} />}
      {register && <CorrectKkDialog opened={open === 'kk'} onClose={close} onSaved={onSaved} household={household} />}
      {assess && <AssessmentDialog opened={open === 'assess'} onClose={close} onSaved={onSaved} householdId={household.id} />}
    </>
  );
}

/** A member's register actions: edit, NIK, death or move out, move to another household. */
export function MemberActions({ member, members, onSaved }: { member: RegisterMember; members: RegisterMember[]; onSaved: (notice: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'edit' | 'nik' | 'exit' | 'move' | null>(null);
  const close = () => setOpen(null);
  const others = members.filter((m) => m.id !== member.id);
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button size="compact-sm" variant="light" aria-label={t('register.actionsFor', { name: member.name })} data-testid="member-actions">{t('register.actions')}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setOpen('edit')}>{t('register.editMember')}</Menu.Item>
          <Menu.Item onClick={() => setOpen('nik')}>{t(member.nikPending ? 'register.giveNik' : 'register.correctNik')}</Menu.Item>
          <Menu.Item onClick={() => setOpen('exit')}>{t('register.exit')}</Menu.Item>
          <Menu.Item onClick={() => setOpen('move')}>{t('register.move')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <EditMemberDialog opened={open === 'edit'} onClose={close} onSaved={onSaved} member={member} />
      <CorrectNikDialog opened={open === 'nik'} onClose={close} onSaved={onSaved} member={member} />
      <MemberExitDialog opened={open === 'exit'} onClose={close} onSaved={onSaved} member={member} others={others} />
      <MoveMemberDialog opened={open === 'move'} onClose={close} onSaved={onSaved} member={member} others={others} />
    </>
  );
}

/** Members who died or moved out: kept on record, off the active roster. */
export function FormerMembers({ members }: { members: Array<{ id: string; name: string; leftOn?: string | null; leftReason?: string | null; leftNote?: string | null }> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper withBorder p="md" component="section" aria-label={t('register.formerMembers')} data-testid="former-members">
      <Title order={2} size="h4" mb="sm">{t('register.formerMembers')}</Title>
      <Stack gap={4}>
        {members.map((m) => (
          <Text key={m.id} size="sm">
            {m.name} · {t(`register.memberExit.${m.leftReason}`)} {fmt.date(m.leftOn)}{m.leftNote ? ` · ${m.leftNote}` : ''}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
