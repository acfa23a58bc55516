-- Editors promote articles for the home page (front matter "promoted: true") until customers' reads say what is
-- popular; a category's audience keeps operator and agent documentation off the customers' home page.
alter table articles add column promoted boolean default false not null;
alter table categories add column audience varchar(20) default 'CUSTOMERS' not null;
