-- The language of the public registration form (registration/): the messages to a person who has no
-- user yet (the link to prove the address, the decision) are written in it, and the organisation's
-- first user starts with it as their chosen language. Null for requests made before it was kept.
alter table organisation_registration add column language varchar(16);
