-- The synthetic city of src/test/bench/city.sh, written set by set (generate_series, no row-by-row round trips) into
-- a database the packaged jar has migrated and started once (models deployed, demo users, groups and filters made).
-- psql variables: residents (2,500,000 at scale 1), cases (a year at 10 per Puskesos per day: 551,150 at scale 1),
-- task_perms (what the application grants a candidate group on a task it reads through its definition: read off a
-- real intake by city.sh, as worklist.sh does).
--
-- The city: 151 Puskesos, 5 in each of Kota Bandung's 30 kecamatan (kelurahan codes <kecamatan>1001..1005) and
-- Lebak Siliwangi (3273021006) as Coblong's sixth; Dago (3273021005) and Lebak Siliwangi keep the demo's names and
-- staff, every other Puskesos gets five staff users (fo<code>, fasilitator<code>, bo<code>, koordinator<code>,
-- manajer<code>, password as the demo's) who are members of its tenant, and the city-wide groups (partners, slrt,
-- analis) are members of every tenant, as PuskesosOnboarding makes them.
\set ON_ERROR_STOP 1
\timing on
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SET work_mem = '64MB';

\echo '== Puskesos, tenants, staff'
-- city_kecamatan (code, name) is filled by city.sh from src/main/resources/registry/regions.csv
CREATE TABLE city_puskesos AS
SELECT (row_number() OVER (ORDER BY code) - 1)::int AS idx, code, name, kecamatan, local
FROM (
  SELECT k.code || '100' || n AS code,
         CASE k.code || '100' || n WHEN '3273021005' THEN 'Dago' WHEN '3273021006' THEN 'Lebak Siliwangi'
              ELSE k.name || ' ' || n END AS name,
         k.name AS kecamatan, n - 1 AS local
  FROM city_kecamatan k CROSS JOIN generate_series(1, 6) n
  WHERE n <= 5 OR k.code = '327302') c;
ALTER TABLE city_puskesos ADD PRIMARY KEY (idx);

INSERT INTO puskesos (tenant_id, name, kecamatan, created_at, created_by)
SELECT code, name, kecamatan, now() - interval '400 days', 'city-bench' FROM city_puskesos
ON CONFLICT (tenant_id) DO NOTHING;
INSERT INTO act_id_tenant (id_, rev_, name_)
SELECT code, 1, 'Puskesos ' || name FROM city_puskesos ON CONFLICT (id_) DO NOTHING;
INSERT INTO act_id_tenant_member (id_, tenant_id_, group_id_)
SELECT md5('tg' || p.code || g.group_id_)::uuid::text, p.code, g.group_id_
FROM city_puskesos p CROSS JOIN (SELECT group_id_ FROM act_id_tenant_member
                                 WHERE tenant_id_ = '3273021006' AND group_id_ IS NOT NULL) g
ON CONFLICT DO NOTHING;

CREATE TABLE city_staff AS
SELECT p.code, r.role, CASE WHEN p.code = '3273021006' THEN r.demo
                            WHEN p.code = '3273021005' THEN r.demo || 'dago' ELSE r.role || p.code END AS user_id
FROM city_puskesos p CROSS JOIN (VALUES ('fo', 'fo'), ('fasilitator', 'fasilitator'), ('bo', 'bo'),
  ('koordinator', 'koordinator'), ('manajer', 'manajer')) r(role, demo);
INSERT INTO act_id_user (id_, rev_, first_, last_, email_, pwd_, salt_)
SELECT s.user_id, 1, initcap(s.role), p.name, s.user_id || '@puskesos.example', u.pwd_, u.salt_
FROM city_staff s JOIN city_puskesos p ON p.code = s.code CROSS JOIN act_id_user u
WHERE u.id_ = 'fo' AND s.code NOT IN ('3273021005', '3273021006');
INSERT INTO act_id_membership (user_id_, group_id_)
SELECT user_id, role FROM city_staff WHERE code NOT IN ('3273021005', '3273021006');
INSERT INTO act_id_tenant_member (id_, tenant_id_, user_id_)
SELECT md5('tu' || user_id)::uuid::text, code, user_id FROM city_staff WHERE code NOT IN ('3273021005', '3273021006');

\echo '== residents'
-- Resident g lives in Puskesos g % 151. NIK: kecamatan code, birth date DDMMYY (day + 40 for women), serial
-- 0100 + the kelurahan's place in its kecamatan: unique, since a kelurahan's residents have distinct birth dates
-- (37 is prime to the 29,000-day window). KK: kecamatan, household (4 residents), serial.
INSERT INTO resident (id, nik, kk_number, full_name, birth_date, sex, address, rt, rw, kelurahan, phone, dtks_status,
    desil, registry_updated_on, created_at, updated_at, family_relationship, name_key)
SELECT 1000 + g, substr(p.code, 1, 6) || lpad((extract(day FROM x.bd)::int + CASE WHEN x.f THEN 40 ELSE 0 END)::text, 2, '0')
         || to_char(x.bd, 'MMYY') || lpad((100 + p.local)::text, 4, '0'),
       substr(p.code, 1, 6) || lpad((x.m / 4)::text, 6, '0') || lpad((100 + p.local)::text, 4, '0'),
       x.name, x.bd, CASE WHEN x.f THEN 'F' ELSE 'M' END,
       (ARRAY['Jl. Tamansari', 'Jl. Pelesiran', 'Jl. Cisitu', 'Jl. Dago', 'Jl. Sekeloa', 'Gg. Sukaasih',
              'Jl. Cihampelas', 'Jl. Sangkuriang'])[1 + (x.m / 4) % 8] || ' No. ' || (1 + (x.m / 4) % 200),
       lpad((1 + (x.m / 4) % 15)::text, 3, '0'), lpad((1 + (x.m / 60) % 12)::text, 3, '0'), p.name,
       CASE WHEN x.m % 3 = 0 THEN '0812' || lpad((g % 100000000)::text, 8, '0') END,
       CASE WHEN x.m % 10 < 4 THEN 'LISTED' WHEN x.m % 10 < 6 THEN 'NOT_LISTED' END,
       CASE WHEN x.m % 10 < 4 THEN 1 + (x.m / 10) % 6 END,
       CASE WHEN x.m % 10 < 6 THEN DATE '2026-06-30' END,
       now() - interval '500 days', now() - interval '500 days',
       CASE x.m % 4 WHEN 0 THEN 'KEPALA_KELUARGA' WHEN 1 THEN 'ISTRI' ELSE 'ANAK' END,
       lower(x.name)
FROM generate_series(0, :residents - 1) g
JOIN city_puskesos p ON p.idx = g % 151
CROSS JOIN LATERAL (SELECT g / 151 AS m, DATE '1940-01-01' + ((g / 151) * 37 % 29000) AS bd,
    (g / 151) % 2 = 0 AS f,
    CASE WHEN (g / 151) % 2 = 0
         THEN (ARRAY['Siti', 'Euis', 'Neneng', 'Dewi', 'Rina', 'Yuyun', 'Tati', 'Imas', 'Lilis', 'Sri', 'Wati',
                     'Nurul'])[1 + (g / 302) % 12]
         ELSE (ARRAY['Asep', 'Ujang', 'Dedi', 'Agus', 'Budi', 'Cecep', 'Dadang', 'Hendra', 'Iwan', 'Jajang',
                     'Rudi', 'Wawan'])[1 + (g / 302) % 12] END
      || ' ' || (ARRAY['Suryana', 'Hidayat', 'Permana', 'Saputra', 'Nugraha', 'Kusnadi', 'Sumarna', 'Rohmat',
                       'Setiawan', 'Gunawan', 'Mulyana', 'Hermawan', 'Kurniawan', 'Rahman', 'Maulana',
                       'Pratama'])[1 + (g / 3624) % 16] AS name) x;
SELECT setval(pg_get_serial_sequence('resident', 'id'), (SELECT max(id) FROM resident));

\echo '== cases: a year at 10 per Puskesos per day, the last 30 days open'
-- The kinds of open work, as worklist.sh spreads them (share in %, process, task, group), with the case's stage
-- and the program a partner's task is about.
CREATE TABLE city_task_kind (lo int, hi int, proc_key text, task_key text, task_name text, grp text, stage text,
    program text);
INSERT INTO city_task_kind VALUES
  (0, 15, 'referral', 'task_homeVisit', 'Verifikasi lapangan (kunjungan rumah)', 'fasilitator', 'VERIFICATION', NULL),
  (15, 27, 'referral', 'task_assessNeeds', 'Asesmen kebutuhan', 'fasilitator', 'ASSESSMENT', NULL),
  (27, 38, 'referral', 'task_followUp', 'Tindak lanjut (kunjungan pasca penyaluran)', 'fasilitator', 'FOLLOW_UP', 'BPNT'),
  (38, 50, 'resident-reverification', 'task_reverifyResident', 'Verifikasi ulang data warga', 'fasilitator', 'VERIFICATION', NULL),
  (50, 56, 'referral', 'task_prepareRecommendation', 'Siapkan rekomendasi', 'bo', 'ROUTING', NULL),
  (56, 59, 'partner-referral', 'task_provideInformation', 'Berikan informasi kepada mitra', 'bo', 'PARTNER_DECISION', 'BAZNAS_SEHAT'),
  (59, 62, 'partner-referral', 'task_reviewWaiting', 'Tinjau rujukan yang menunggu', 'bo', 'PARTNER_DECISION', 'SALMAN_YATIM'),
  (62, 68, 'referral', 'task_decideService', 'Penetapan layanan', 'koordinator', 'ROUTING', NULL),
  (68, 70, 'referral', 'task_checkDiscrepancy', 'Periksa bantuan yang tidak diterima', 'koordinator', 'FOLLOW_UP', 'BPNT'),
  (70, 75, 'duplicate-review', 'task_reviewDuplicate', 'Tinjau kemungkinan data ganda', 'fo', 'VERIFICATION', NULL),
  (75, 80, 'partner-referral', 'task_decideReferral', 'Keputusan rujukan', 'dinsos', 'PARTNER_DECISION', 'ATENSI'),
  (80, 84, 'partner-referral', 'task_decideReferral', 'Keputusan rujukan', 'baznas', 'PARTNER_DECISION', 'BAZNAS_KONSUMTIF'),
  (84, 87, 'partner-referral', 'task_distributeAid', 'Penyaluran bantuan', 'salman', 'DISTRIBUTION', 'SALMAN_SEMBAKO'),
  (87, 90, 'partner-referral', 'task_decideReferral', 'Keputusan rujukan', 'puskesmas', 'PARTNER_DECISION', 'PUSKESMAS'),
  (90, 92, 'partner-referral', 'task_decideReferral', 'Keputusan rujukan', 'disdukcapil', 'PARTNER_DECISION', 'DISDUKCAPIL'),
  (92, 94, 'partner-referral', 'task_distributeAid', 'Penyaluran bantuan', 'dpkp', 'DISTRIBUTION', 'RUTILAHU'),
  (94, 96, 'professional-opinion', 'task_giveOpinion', 'Berikan pendapat profesional', 'nakes', 'ASSESSMENT', NULL),
  (96, 98, 'professional-opinion', 'task_giveOpinion', 'Berikan pendapat profesional', 'babinsa', 'ASSESSMENT', NULL),
  (98, 100, 'referral', 'task_answerEscalation', 'Jawab eskalasi', 'slrt', 'ROUTING', NULL);

-- Case c belongs to Puskesos c % 151, received (c / cases) of the way through the last 365 days; its resident is one
-- of that Puskesos's, 7 apart from the previous case's (so no resident has two open cases).
CREATE TABLE city_case AS
SELECT c, p.idx AS pidx, p.code AS tenant, c / 151 AS k, x.received_at,
       now() - x.received_at < interval '30 days' AS open,
       1000 + (((c / 151) * 7) % (:residents / 151)) * 151 + p.idx AS resident_id,
       (ARRAY['FOOD', 'FOOD', 'HEALTH', 'CASH', 'EDUCATION', 'FOOD', 'HEALTH', 'ELDERLY', 'DISABILITY', 'HOUSING',
              'CIVIL_DOCUMENTS', 'DATA_UPDATE', 'DEBT', 'ORPHAN'])[1 + c % 14] AS need1,
       c % 5 < 2 AS two_needs,
       (ARRAY['WALK_IN', 'WALK_IN', 'WALK_IN', 'RT_RW', 'HOME_VISIT', 'WHATSAPP', 'WALK_IN', 'RT_RW'])[1 + c % 8] AS channel,
       c % 10 = 0 AS urgent
FROM generate_series(0, :cases - 1) c
JOIN city_puskesos p ON p.idx = c % 151
CROSS JOIN LATERAL (SELECT now() - interval '365 days' * ((:cases - 1 - c)::float8 / :cases)
                           - (c % 7) * interval '13 minutes' AS received_at) x;
ALTER TABLE city_case ADD COLUMN open_rank int, ADD COLUMN status text, ADD COLUMN stage text, ADD COLUMN outcome text,
  ADD COLUMN reached int, ADD COLUMN program text, ADD COLUMN referral_number text, ADD COLUMN closed_at timestamptz,
  ADD COLUMN pi text;
UPDATE city_case SET open_rank = o.r FROM (SELECT c, row_number() OVER (ORDER BY c)::int - 1 AS r FROM city_case
  WHERE open) o WHERE o.c = city_case.c;
-- reached: the stages entered (1 verification .. 6 follow-up, 7 closed)
UPDATE city_case SET status = 'CLOSED', stage = 'CLOSED',
  outcome = (ARRAY['FACILITATED', 'FACILITATED', 'FACILITATED', 'FACILITATED', 'FACILITATED', 'FACILITATED',
                   'FACILITATED', 'FACILITATED', 'FACILITATED', 'FACILITATED', 'FACILITATED', 'PARTLY_FACILITATED',
                   'PARTLY_FACILITATED', 'REJECTED', 'REJECTED', 'NOT_ELIGIBLE', 'NOT_ELIGIBLE', 'WITHDRAWN',
                   'UNREACHABLE', 'NOT_RECEIVED'])[1 + c % 20],
  closed_at = received_at + (7 + c % 21) * interval '1 day'
WHERE NOT open;
UPDATE city_case SET reached = CASE outcome WHEN 'REJECTED' THEN 4 WHEN 'NOT_ELIGIBLE' THEN 2 WHEN 'WITHDRAWN' THEN 1
    WHEN 'UNREACHABLE' THEN 1 ELSE 6 END,
  program = CASE WHEN outcome IN ('FACILITATED', 'PARTLY_FACILITATED', 'REJECTED', 'NOT_RECEIVED')
    THEN (ARRAY['BPNT', 'SALMAN_SEMBAKO', 'BAZNAS_KONSUMTIF', 'PBI_JK', 'BAZNAS_SEHAT', 'PUSKESMAS', 'ATENSI',
                'BAZNAS_CERDAS', 'PIP', 'DISDUKCAPIL', 'RUTILAHU', 'SALMAN_YATIM'])[1 + (c / 7) % 12] END
WHERE NOT open;
UPDATE city_case SET status = 'OPEN', stage = k.stage, program = k.program,
  reached = CASE k.stage WHEN 'VERIFICATION' THEN 1 WHEN 'ASSESSMENT' THEN 2 WHEN 'ROUTING' THEN 3
    WHEN 'PARTNER_DECISION' THEN 4 WHEN 'DISTRIBUTION' THEN 5 ELSE 6 END
FROM city_task_kind k WHERE open AND open_rank % 100 >= k.lo AND open_rank % 100 < k.hi;
-- numbered per Puskesos and year after the cases already there (the probe intake's)
UPDATE city_case SET referral_number = n.number, pi = md5('rpi' || n.c)::uuid::text
FROM (SELECT c, 'RJK-' || tenant || '-' || y || '-' || lpad((row_number() OVER (PARTITION BY tenant, y ORDER BY c)
             + (SELECT count(*) FROM referral r WHERE r.tenant_id = tenant
                AND r.referral_number LIKE 'RJK-' || tenant || '-' || y || '-%'))::text, 6, '0') AS number
      FROM (SELECT c, tenant, extract(year FROM received_at)::int AS y FROM city_case) x) n
WHERE n.c = city_case.c;
ALTER TABLE city_case ADD PRIMARY KEY (c);
ANALYZE city_case;

INSERT INTO referral (referral_number, resident_id, process_instance_id, channel, urgent, status, stage, outcome,
    received_at, received_by, closed_at, closed_by, tenant_id, aid_received, aid_helped, satisfaction,
    followed_up_at, followed_up_by)
SELECT referral_number, resident_id, pi, channel, urgent, status, stage, outcome, received_at, 'fo', closed_at,
       CASE WHEN closed_at IS NOT NULL THEN 'koordinator' END, tenant,
       CASE WHEN reached >= 6 AND NOT open THEN 'YA' END, CASE WHEN reached >= 6 AND NOT open THEN 'YA' END,
       CASE WHEN reached >= 6 AND NOT open THEN 3 + c % 3 END,
       CASE WHEN reached >= 6 AND NOT open THEN closed_at - interval '1 day' END,
       CASE WHEN reached >= 6 AND NOT open THEN 'fasilitator' END
FROM city_case;
INSERT INTO referral_intake (referral_number, channel, needs, description, urgent, merged, received_at, received_by)
SELECT referral_number, channel, need1 || CASE WHEN two_needs AND need1 <> 'HEALTH' THEN ',HEALTH' ELSE '' END,
       (ARRAY['Suami sakit, tidak ada penghasilan bulan ini', 'Anak putus sekolah karena biaya',
              'Lansia tinggal sendiri, perlu bantuan makan', 'Rumah bocor dan dinding retak',
              'Belum punya KTP dan KK baru setelah pindah'])[1 + c % 5], urgent, false, received_at, 'fo'
FROM city_case;
INSERT INTO referral_need (referral_number, need, added_at)
SELECT referral_number, need1, received_at FROM city_case
UNION ALL
SELECT referral_number, 'HEALTH', received_at FROM city_case WHERE two_needs AND need1 <> 'HEALTH';
INSERT INTO needs_assessment (referral_number, household_size, monthly_income, pregnant_count, children_under6,
    primary_school_children, junior_school_children, senior_school_children, disabled_members, elderly_members,
    eligible, not_eligible_reason, assessed_at, assessed_by)
SELECT referral_number, 2 + c % 5, 300000 + (c % 20) * 100000, 0, c % 2, c % 3, c % 2, 0, CASE WHEN c % 9 = 0 THEN 1 ELSE 0 END,
       CASE WHEN c % 4 = 0 THEN 1 ELSE 0 END, outcome IS DISTINCT FROM 'NOT_ELIGIBLE',
       CASE WHEN outcome = 'NOT_ELIGIBLE' THEN 'Penghasilan di atas batas' END,
       received_at + interval '4 days', 'fasilitator'
FROM city_case WHERE reached >= 2 AND NOT (open AND stage = 'ASSESSMENT');

\echo '== timelines, programs, handovers'
INSERT INTO referral_event (referral_number, occurred_at, actor, event_type, detail)
SELECT referral_number, received_at, 'fo', 'INTAKE_RECEIVED', 'Pengaduan diterima (Datang langsung): Pangan'
FROM city_case
UNION ALL
SELECT referral_number, received_at + interval '1 second', 'sistem', 'REGISTRY_CHECKED',
       'Pemeriksaan data warga: status DTKS/DTSEN diketahui' FROM city_case
UNION ALL
SELECT cc.referral_number, cc.received_at + (s - 1) * interval '3 days' + interval '1 second', 'sistem', 'STAGE_ENTERED',
       'Tahap: ' || (ARRAY['Verifikasi dan validasi', 'Asesmen kebutuhan', 'Penentuan rujukan', 'Keputusan mitra',
                           'Penyaluran bantuan', 'Tindak lanjut dan evaluasi'])[s]
FROM city_case cc CROSS JOIN generate_series(1, 6) s WHERE s <= cc.reached
UNION ALL
SELECT referral_number, closed_at, 'koordinator', 'STAGE_ENTERED', 'Tahap: Selesai' FROM city_case WHERE NOT open
UNION ALL
SELECT referral_number, received_at + interval '9 days', 'bo', 'PROGRAM_REFERRED', 'Dirujuk ke program ' || program
FROM city_case WHERE program IS NOT NULL AND reached >= 4
UNION ALL
SELECT referral_number, received_at + interval '11 days', 'mitra',
       CASE WHEN outcome = 'REJECTED' THEN 'PARTNER_REJECTED' ELSE 'PARTNER_ACCEPTED' END, 'Keputusan mitra: ' || program
FROM city_case WHERE program IS NOT NULL AND (NOT open OR reached >= 5);

INSERT INTO program_referral (referral_number, program_code, partner_code, status, referred_at, referred_by, decided_at,
    decided_by, distributed_on, distributed_at, distributed_by, partner_instance_id)
SELECT cc.referral_number, cc.program, p.partner_code,
       CASE WHEN cc.open AND cc.stage = 'PARTNER_DECISION' THEN 'REFERRED'
            WHEN cc.open AND cc.stage = 'DISTRIBUTION' THEN 'ACCEPTED'
            WHEN cc.outcome = 'REJECTED' THEN 'REJECTED' WHEN cc.outcome = 'NOT_RECEIVED' THEN 'NOT_RECEIVED'
            ELSE 'DISTRIBUTED' END,
       cc.received_at + interval '9 days', 'bo',
       CASE WHEN NOT cc.open OR cc.reached >= 5 THEN cc.received_at + interval '11 days' END,
       CASE WHEN NOT cc.open OR cc.reached >= 5 THEN lower(p.partner_code) END,
       CASE WHEN cc.reached >= 6 AND cc.outcome IS DISTINCT FROM 'NOT_RECEIVED' THEN (cc.received_at + interval '14 days')::date END,
       CASE WHEN cc.reached >= 6 AND cc.outcome IS DISTINCT FROM 'NOT_RECEIVED' THEN cc.received_at + interval '14 days' END,
       CASE WHEN cc.reached >= 6 AND cc.outcome IS DISTINCT FROM 'NOT_RECEIVED' THEN lower(p.partner_code) END,
       md5('ppi-' || cc.c)::uuid::text
FROM city_case cc JOIN program p ON p.code = cc.program
WHERE cc.program IS NOT NULL AND cc.reached >= 4;
-- a partly facilitated case: a second program, declined
INSERT INTO program_referral (referral_number, program_code, partner_code, status, referred_at, referred_by, decided_at,
    decided_by, rejection_code, partner_instance_id)
SELECT referral_number, 'DTKS_UPDATE', 'DINSOS', 'REJECTED', received_at + interval '9 days', 'bo',
       received_at + interval '12 days', 'dinsos', 'QUOTA', md5('ppx-' || c)::uuid::text
FROM city_case WHERE outcome = 'PARTLY_FACILITATED';
INSERT INTO program_distribution (referral_number, program_code, distributed_on, amount, place, handed_over_by,
    proof_reference, receipt_confirmed, final_handover, recorded_at, recorded_by)
SELECT referral_number, program_code, distributed_on, 200000 + (id % 5) * 50000, 'Kantor Puskesos', 'Petugas mitra',
       'BA-' || id, true, true, distributed_at, distributed_by
FROM program_referral WHERE status = 'DISTRIBUTED';

\echo '== engine history: each case''s instance, its partner referrals, two tasks each, the partners'' grants on history'
INSERT INTO act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_, end_time_,
    removal_time_, duration_, start_user_id_, start_act_id_, end_act_id_, root_proc_inst_id_, state_, tenant_id_)
SELECT cc.pi, cc.pi, cc.referral_number, 'referral', d.id_, cc.received_at, cc.closed_at,
       CASE WHEN cc.closed_at IS NOT NULL THEN cc.closed_at + interval '5 years' END,
       (extract(epoch FROM cc.closed_at - cc.received_at) * 1000)::bigint, 'fo', 'start',
       CASE WHEN cc.closed_at IS NOT NULL THEN 'end' END, cc.pi,
       CASE WHEN cc.open THEN 'ACTIVE' ELSE 'COMPLETED' END, cc.tenant
FROM city_case cc CROSS JOIN (SELECT id_ FROM act_re_procdef WHERE key_ = 'referral' ORDER BY version_ DESC LIMIT 1) d;
INSERT INTO act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_, end_time_,
    removal_time_, duration_, start_user_id_, start_act_id_, end_act_id_, super_process_instance_id_,
    root_proc_inst_id_, state_, tenant_id_)
SELECT pr.partner_instance_id, pr.partner_instance_id, pr.referral_number, 'partner-referral', d.id_, pr.referred_at,
       pr.decided_at, CASE WHEN pr.decided_at IS NOT NULL THEN pr.decided_at + interval '5 years' END,
       (extract(epoch FROM pr.decided_at - pr.referred_at) * 1000)::bigint, 'bo', 'start',
       CASE WHEN pr.decided_at IS NOT NULL THEN 'end' END, r.process_instance_id, r.process_instance_id,
       CASE WHEN pr.decided_at IS NULL THEN 'ACTIVE' ELSE 'COMPLETED' END, r.tenant_id
FROM program_referral pr JOIN referral r ON r.referral_number = pr.referral_number
CROSS JOIN (SELECT id_ FROM act_re_procdef WHERE key_ = 'partner-referral' ORDER BY version_ DESC LIMIT 1) d;
INSERT INTO act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
    execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_, duration_, delete_reason_, priority_,
    due_date_, removal_time_, task_state_, tenant_id_)
SELECT md5('hti' || cc.c || s)::uuid::text, CASE WHEN s = 0 THEN 'task_homeVisit' ELSE 'task_assessNeeds' END,
       'referral', h.proc_def_id_, cc.pi, cc.pi, cc.pi, 'task:' || md5('hai' || cc.c || s)::uuid, 'Tugas', 'fasilitator',
       cc.received_at + s * interval '3 days', cc.received_at + (s + 1) * interval '3 days', 259200000, 'completed', 50,
       cc.received_at + (s + 1) * interval '5 days', h.removal_time_, 'Completed', cc.tenant
FROM city_case cc JOIN act_hi_procinst h ON h.id_ = cc.pi CROSS JOIN generate_series(0, 1) s
WHERE NOT cc.open;
INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_, removal_time_,
    root_proc_inst_id_)
SELECT md5('hpa' || pr.partner_instance_id)::uuid::text, 1, 1, lower(pr.partner_code), 20, pr.partner_instance_id, 2,
       h.removal_time_, h.root_proc_inst_id_
FROM program_referral pr JOIN act_hi_procinst h ON h.id_ = pr.partner_instance_id
WHERE pr.decided_at IS NOT NULL AND EXISTS (SELECT 1 FROM act_id_group g WHERE g.id_ = lower(pr.partner_code));

\echo '== open engine work: one instance and one task per open case (as worklist.sh writes them), tenant set'
CREATE TABLE city_open AS
SELECT cc.c, cc.tenant, cc.referral_number, cc.urgent, cc.received_at, k.*,
       CASE WHEN k.proc_key = 'referral' THEN cc.pi WHEN k.proc_key = 'partner-referral' THEN pr.partner_instance_id
            ELSE md5('opi' || cc.c)::uuid::text END AS pi,
       md5('task' || cc.c)::uuid::text AS task,
       (SELECT id_ FROM act_re_procdef d WHERE d.key_ = k.proc_key ORDER BY version_ DESC LIMIT 1) AS proc_def_id,
       s.full_name, s.id AS resident_id, s.address
FROM city_case cc
JOIN city_task_kind k ON cc.open_rank % 100 >= k.lo AND cc.open_rank % 100 < k.hi
JOIN resident s ON s.id = cc.resident_id
LEFT JOIN program_referral pr ON pr.referral_number = cc.referral_number AND pr.program_code = cc.program
WHERE cc.open;
INSERT INTO act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, proc_def_id_, act_id_,
    act_inst_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_, cached_ent_state_,
    sequence_counter_, proc_def_key_, tenant_id_)
SELECT pi, 2, pi, pi, referral_number, proc_def_id, task_key, task_key || ':' || md5('ai' || c)::uuid, true, false,
       true, false, 1, 19, 9, proc_key, tenant FROM city_open;
INSERT INTO act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_, priority_,
    create_time_, due_date_, suspension_state_, task_state_, tenant_id_)
SELECT task, 1, pi, pi, proc_def_id, task_name, task_key, CASE WHEN urgent THEN 80 ELSE 50 END,
       greatest(received_at, now() - interval '29 days') + (c % 48) * interval '1 hour',
       now() + (1 + c % 14) * interval '1 day', 1, 'Created', tenant FROM city_open;
INSERT INTO act_ru_identitylink (id_, rev_, group_id_, type_, task_id_, tenant_id_)
SELECT md5('link' || c)::uuid::text, 1, grp, 'candidate', task, tenant FROM city_open;
INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
SELECT md5('tauth' || c)::uuid::text, 1, 1, grp, 7, task,
       CASE WHEN EXISTS (SELECT 1 FROM act_ru_authorization d WHERE d.type_ = 1 AND d.group_id_ = grp
                         AND d.resource_type_ = 6 AND d.resource_id_ IN (proc_key, '*') AND d.perms_ & 64 = 64)
            THEN :task_perms ELSE 6 END FROM city_open;
INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_,
    root_proc_inst_id_)
SELECT md5('htauth' || c)::uuid::text, 1, 1, grp, 19, task, 2, pi FROM city_open;
INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
SELECT md5('piauth' || c || r)::uuid::text, 1, 1, grp, r, pi, 2 FROM city_open, (VALUES (8), (20)) rt(r)
WHERE proc_key = 'partner-referral' AND grp NOT IN ('bo')
ON CONFLICT DO NOTHING; -- a partner's history grant on an instance still distributing
INSERT INTO act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_, long_, text_,
    var_scope_, sequence_counter_, is_concurrent_local_, tenant_id_)
SELECT md5('var' || c || v.name)::uuid::text, 1, v.type, v.name, pi, pi, proc_def_id, v.long, v.text, pi, 1, false,
       tenant
FROM city_open, LATERAL (VALUES
  ('string', 'referralNumber', NULL::bigint, referral_number),
  ('string', 'residentName', NULL, full_name),
  ('string', 'nikMasked', NULL, '3273************'),
  ('string', 'address', NULL, address),
  ('string', 'channel', NULL, 'WALK_IN'),
  ('string', 'description', NULL, 'Suami sakit, tidak ada penghasilan bulan ini'),
  ('string', 'needsSummary', NULL, 'Pangan, Kesehatan'),
  ('boolean', 'urgent', CASE WHEN urgent THEN 1 ELSE 0 END, NULL),
  ('boolean', 'dtksListed', c % 2, NULL),
  ('long', 'residentId', resident_id, NULL),
  ('string', 'programName', NULL, CASE WHEN proc_key = 'partner-referral' THEN program END),
  ('string', 'programCode', NULL, CASE WHEN proc_key = 'partner-referral' THEN program END)) v(type, name, long, text)
WHERE v.text IS NOT NULL OR v.long IS NOT NULL;

-- the application makes each Puskesos's number sequence at its first intake of the year, after the highest number
-- in the case file: one made by the probe intake before the data was written would hand out taken numbers
DO $$ DECLARE s record; BEGIN
  FOR s IN SELECT sequencename FROM pg_sequences WHERE sequencename LIKE 'referral\_number\_%' LOOP
    EXECUTE 'DROP SEQUENCE ' || quote_ident(s.sequencename);
  END LOOP;
END $$;

\echo '== vacuum and statistics'
VACUUM (ANALYZE);
