-- The confusable skeleton of each display name (accounts/DisplayNames), so "Mоderator" with a Cyrillic о is found as
-- a look-alike of "Moderator" with one indexed lookup. Filled for existing accounts by DisplayNameKeysMigration
-- (V18_2). Not unique: names registered before the rule may already collide; new ones are checked on save.
ALTER TABLE accounts ADD COLUMN display_name_key VARCHAR(240);
CREATE INDEX ix_accounts_display_name_key ON accounts (display_name_key);
