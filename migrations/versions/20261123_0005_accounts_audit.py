"""accounts and audit: password hashes, lockout, a village doctor's village; the append-only
audit log (synced); the sensitivity flag of programme enrolments

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 16:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

CONTENT = "at, user_id, username, device_id, action, entity, entity_id, summary, scope_code"


def upgrade() -> None:
    op.add_column('app_user', sa.Column('password_hash', sa.String(length=200), nullable=True))
    op.add_column('app_user', sa.Column('village_code', sa.String(length=12), nullable=True))
    op.add_column('app_user', sa.Column('failed_logins', sa.Integer(), nullable=False, server_default='0'))
    op.add_column('app_user', sa.Column('locked_until', sa.DateTime(), nullable=True))
    op.add_column('app_user', sa.Column('last_login_at', sa.DateTime(), nullable=True))
    op.add_column('program_enrolment', sa.Column('sensitive', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        'audit_log',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('user_id', sa.Uuid(), nullable=True),
        sa.Column('username', sa.String(length=50), nullable=False),
        sa.Column('device_id', sa.Uuid(), nullable=True),
        sa.Column('action', sa.String(length=20), nullable=False),
        sa.Column('entity', sa.String(length=40), nullable=True),
        sa.Column('entity_id', sa.String(length=40), nullable=True),
        sa.Column('summary', sa.Text(), nullable=True),
        sa.Column('scope_code', sa.String(length=12), nullable=False),
        sa.Column('sync_clocks', sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    )
    op.create_index('ix_audit_log_at', 'audit_log', ['at'], unique=False)
    op.create_index('ix_audit_log_user', 'audit_log', ['username'], unique=False)
    if op.get_bind().dialect.name == 'sqlite':
        # Append-only: the content of an entry can never change and no entry can be removed.
        # (sync_clocks, sync bookkeeping, may be stamped once.)
        op.execute(
            f"CREATE TRIGGER audit_log_no_update BEFORE UPDATE OF {CONTENT} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    op.drop_index('ix_audit_log_user', table_name='audit_log')
    op.drop_index('ix_audit_log_at', table_name='audit_log')
    op.drop_table('audit_log')
    with op.batch_alter_table('program_enrolment') as batch:
        batch.drop_column('sensitive')
    with op.batch_alter_table('app_user') as batch:
        for c in ('last_login_at', 'locked_until', 'failed_logins', 'village_code', 'password_hash'):
            batch.drop_column(c)
