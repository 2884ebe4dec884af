-- Choices of one routing pool no longer lock a row of the pool until they commit (every lead of a
-- pool waited for the one before it): each winner's pass moves on by an addition to its own row
-- in rotation_pass, and a node serialises only its own choices' reading and choosing in memory.
drop table if exists rotation_pool;
