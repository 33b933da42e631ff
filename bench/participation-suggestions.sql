-- Loads one discussion of Almaty in phase :'phase' with :n suggestions (14 topics, 8 districts, 70 % answered,
-- 5 % confidential, all published) for the participation benchmarks. Run with psql -v n=… -v phase=….
SELECT setseed(0.7);
INSERT INTO "Consultations" ("Title_Kk", "Title_Ru", "Title_En", "Description_Kk", "Description_Ru", "Description_En", "TerritoryId",
  "OpensOn", "ClosesOn", "Phase", "PhaseChangedAt", "PhaseChangedBy", "Version")
SELECT 'Талқылау', 'Обсуждение', 'Bench discussion', '', '', '', "Id", DATE '2026-01-01', DATE '2026-06-30', :'phase', now(), 'bench', gen_random_uuid()
FROM "Territories" WHERE "Code" = '750000000';
WITH c AS (SELECT "Id", "TerritoryId" FROM "Consultations" LIMIT 1),
     t AS (SELECT array_agg("Id" ORDER BY "Id") AS ids FROM "Topics"),
     d AS (SELECT array_agg(x."Id" ORDER BY x."Code") AS ids FROM "Territories" x, c WHERE x."ParentId" = c."TerritoryId")
INSERT INTO "Suggestions" ("PublicCode", "ConsultationId", "Channel", "Text", "Language", "TerritoryId", "DistrictId", "SubmittedAt",
  "MarkedConfidential", "Confidential", "TopicId", "TopicConfirmedBy", "HeldForReview", "State", "ModeratedAt", "ModeratedBy",
  "Decision", "Answer", "AnsweredAt", "AnsweredBy", "Supporters", "Version")
SELECT substr(md5(i::text), 1, 20), c."Id", CASE WHEN i % 3 = 0 THEN 'Email' ELSE 'WebForm' END,
       'Suggestion ' || i || ': ' || repeat('improve the street, the park and the buses of the district ', 1 + i % 4), 'ru', c."TerritoryId",
       d.ids[1 + i % array_length(d.ids, 1)], TIMESTAMPTZ '2026-01-01' + (i || ' minutes')::interval,
       false, i % 20 = 0, t.ids[1 + i % array_length(t.ids, 1)], 'bench', false, 'Published', now(), 'bench',
       CASE WHEN i % 10 < 7 THEN 'PartlyTaken' END, CASE WHEN i % 10 < 7 THEN 'Taken into account in the plan.' END,
       CASE WHEN i % 10 < 7 THEN now() END, CASE WHEN i % 10 < 7 THEN 'bench' END, 1 + (random() * 30)::int, gen_random_uuid()
FROM generate_series(1, :n) i, c, t, d;
VACUUM ANALYZE;
