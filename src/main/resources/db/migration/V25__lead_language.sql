-- The language the prospect wants to be served in (issue 14): an ISO 639-1 code in lower case, or
-- null when the lead did not say. The rep assignment table matches it against the reps' profiles.
alter table lead add column language varchar(2);
