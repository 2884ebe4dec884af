-- The partner directory's revision, bumped by every write to partners and their capabilities in
-- the same transaction (PartnerRepository): a routing node checks this one row before each choice
-- and reloads its copy of the directory only when it moved, instead of counting the partner table.
create table partner_directory_revision (
    revision  bigint not null
);
insert into partner_directory_revision (revision) values (1);
