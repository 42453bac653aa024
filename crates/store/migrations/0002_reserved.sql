-- 0002 is assigned to another branch. This placeholder only keeps this branch's
-- migration numbers in order; on merge it is replaced by that branch's 0002 file.
SELECT 1;
