-- The age from which a household of counted members all that old is a key household (重点户,
-- elders alone: decisions 0045 and 0049) is a policy value, versioned like the others: a national
-- row of its own, so no existing row is edited in place. The seed writes the same row (skipDuplicates).
INSERT INTO "policy_row" ("id", "year", "provinceId", "values", "note")
VALUES ('national-2014-key-households', 2014, NULL, '{"keyElderAge": 65}'::jsonb, '默认值（重点户：独居老人户年龄）')
ON CONFLICT ("id") DO NOTHING;
