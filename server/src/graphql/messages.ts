// The one catalogue of client error messages: a stable reason code (extensions.reason) per message,
// in Indonesian (the default) and English, with {parameters}. Both languages of a code take the same
// parameters (messages.test.ts). The order matters where an older English message is matched against
// the templates (see problemOf): specific entries come before the general ones they would also match.

export type Lang = 'id' | 'en';

export const MESSAGES = {
  // Generic fallbacks, one per error code.
  INVALID_VALUE: { id: 'Nilai tidak valid', en: 'is not a valid value' },
  CONFLICT: { id: 'Bertentangan dengan data yang sudah ada', en: 'conflicts with an existing record' },
  NOT_FOUND: { id: 'Data tidak ditemukan', en: 'Record not found' },
  FORBIDDEN: { id: 'Peran Anda tidak boleh melakukan ini', en: 'Your role may not do this' },

  // Not found, one per kind of record (NotFoundError's entity).
  HOUSEHOLD_NOT_FOUND: { id: 'Keluarga tidak ditemukan', en: 'Household not found' },
  PERSON_NOT_FOUND: { id: 'Anggota keluarga tidak ditemukan', en: 'Person not found' },
  PROGRAM_NOT_FOUND: { id: 'Program tidak ditemukan', en: 'Program not found' },
  USER_NOT_FOUND: { id: 'Pengguna tidak ditemukan', en: 'User not found' },
  API_TOKEN_NOT_FOUND: { id: 'Token API tidak ditemukan', en: 'ApiToken not found' },
  AREA_NOT_FOUND: { id: 'Wilayah tidak ditemukan', en: 'Area not found' },
  INTERVENTION_NOT_FOUND: { id: 'Intervensi tidak ditemukan', en: 'Intervention not found' },
  ASSIGNMENT_NOT_FOUND: { id: 'Rujukan tidak ditemukan', en: 'Assignment not found' },
  ORGANIZATION_NOT_FOUND: { id: 'Organisasi tidak ditemukan', en: 'Organization not found' },
  IMPORT_JOB_NOT_FOUND: { id: 'Impor tidak ditemukan', en: 'ImportJob not found' },
  IMPORT_REVIEW_NOT_FOUND: { id: 'Peninjauan impor tidak ditemukan', en: 'ImportReview not found' },
  GROWTH_MEASUREMENT_NOT_FOUND: { id: 'Pengukuran tidak ditemukan', en: 'GrowthMeasurement not found' },

  // Forbidden.
  ROLE_FORBIDDEN: { id: 'Peran Anda tidak boleh melakukan ini', en: 'Your role may not do this' },
  READ_ONLY_TOKEN: { id: 'Token API ini hanya untuk membaca', en: 'This API token is read-only' },
  TOKEN_NEEDS_SESSION: { id: 'Token API dibuat dari sesi login, bukan dengan token API', en: 'API tokens are created from a login session, not with an API token' },
  OUTSIDE_OWN_AREA: { id: 'Petugas kelurahan hanya mendaftarkan keluarga di wilayahnya sendiri', en: 'Kelurahan officers register households in their own area only' },
  NOT_PROGRAM_OWNER: { id: 'program ini bukan milik organisasi Anda', en: "Only the program owner's staff may record its interventions" },
  COORDINATOR_VERIFIES: { id: 'Hanya koordinator yang memverifikasi penyaluran', en: 'Only the coordinator verifies deliveries' },
  PARTNER_ANSWERS_REFERRAL: { id: 'Hanya mitra yang dirujuk yang menerima atau menolak rujukan', en: 'Only the partner it was referred to accepts or declines a referral' },
  INDICATOR_FORBIDDEN: { id: 'Hanya koordinator dan dinas bidang {aspect} yang mencatat indikator ini', en: 'Only the coordinator and the agencies working on {aspect} record this indicator' },
  CORRECTION_FORBIDDEN: {
    id: 'Hanya pencatat penyaluran yang dapat mengoreksinya, dalam {days} hari sejak dicatat (koordinator selama belum diverifikasi)',
    en: 'Only whoever logged a delivery may have it corrected, within {days} days of logging (a coordinator until it is verified)',
  },
  CANCELLATION_FORBIDDEN: {
    id: 'Hanya pencatat penyaluran yang dapat membatalkannya, dalam {days} hari sejak dicatat (koordinator selama belum diverifikasi)',
    en: 'Only whoever logged a delivery may have it cancelled, within {days} days of logging (a coordinator until it is verified)',
  },
  CONSENT_WITHDRAWAL_FORBIDDEN: { id: 'Penarikan persetujuan dicatat oleh koordinator', en: 'Coordinators record a withdrawn consent' },
  IMPORT_SOURCE_FORBIDDEN: { id: 'Peran Anda tidak boleh mengimpor data {source}', en: 'Your role may not import {source} data' },

  // Conflicts.
  VERSION_CONFLICT: { id: 'Data ini sudah diubah orang lain; muat ulang lalu coba lagi', en: 'The record was changed by someone else; reload and try again' },
  RECORD_VERSION_CONFLICT: { id: '{entity} sudah diubah orang lain (sekarang versi {version}); muat ulang lalu coba lagi', en: '{entity} was changed by someone else (now version {version}); reload and try again' },
  INTERVENTION_VERSION_CONFLICT: { id: 'Intervensi ini sudah diubah orang lain (sekarang versi {version})', en: 'The intervention was changed by someone else (now version {version})' },
  REFERRAL_ALREADY_OPEN: { id: 'Keluarga ini sudah punya rujukan terbuka ke mitra ini', en: 'This household already has an open referral to this partner' },
  IDEMPOTENCY_KEY_REUSED: { id: 'Kunci idempotensi ini sudah dipakai untuk intervensi lain', en: 'This idempotency key was already used for a different intervention' },
  MEASUREMENT_KEY_REUSED: { id: 'Kunci idempotensi ini sudah dipakai untuk pengukuran lain', en: 'This idempotency key was already used for a different measurement' },
  INTERVENTION_ALREADY_PLANNED: { id: 'Program ini sudah direncanakan untuk sasaran ini pada periode {period}', en: 'This program was already planned for this target in period {period}' },
  INTERVENTION_ALREADY_RECORDED: { id: 'Program ini sudah dicatat untuk sasaran ini pada periode {period}', en: 'This program was already recorded for this target in period {period}' },
  MEASUREMENT_SAME_DAY: { id: 'Anak ini sudah punya pengukuran lain pada hari ini', en: 'This child already has a measurement on this day' },
  INTERVENTION_PERIOD_TAKEN: { id: 'Intervensi lain dari program ini sudah terhitung untuk sasaran ini pada periode itu', en: 'Another intervention of this program already counts for this target in that period' },
  NIK_TAKEN: { id: 'NIK ini sudah dipakai orang lain', en: 'Another record already has this nik' },
  KK_TAKEN: { id: 'Nomor KK ini sudah terdaftar', en: 'Another record already has this kkNumber' },
  HEAD_TAKEN: { id: 'Keluarga ini sudah punya kepala keluarga', en: 'Another record already has this relation' },
  MEASUREMENT_DATE_TAKEN: { id: 'Anak ini sudah diukur pada tanggal tersebut', en: 'Another record already has this measuredOn' },
  NAME_TAKEN: { id: 'Nama ini sudah dipakai', en: 'Another record already has this name' },
  USERNAME_TAKEN: { id: 'Nama pengguna ini sudah dipakai', en: 'Another record already has this username' },
  ASSIGNMENT_TAKEN: { id: 'Keluarga ini sudah punya rujukan terbuka ke mitra ini', en: 'Another record already has this organizationId' },
  INDICATOR_PERIOD_TAKEN: { id: 'Nilai indikator untuk wilayah dan periode ini sudah ada', en: 'Another record already has this period' },
  PROGRAM_PERIOD_TAKEN: { id: 'Program ini sudah tercatat untuk sasaran ini pada periode itu', en: 'Another record already has this programId' },
  IDEMPOTENCY_KEY_TAKEN: { id: 'Kunci idempotensi ini sudah dipakai', en: 'Another record already has this idempotencyKey' },
  DUPLICATE_VALUE: { id: 'Data lain sudah memakai nilai ini', en: 'Another record already has this value' },
  REVIEW_CLOSED: { id: 'Peninjauan ini sudah diselesaikan', en: 'This review has already been resolved' },
  REVIEW_PERSON_GONE: { id: 'Orang yang dibandingkan sudah tidak ada', en: 'The person compared no longer exists' },
  REVIEW_TARGET_TAKEN: { id: 'Keluarga tujuan sudah punya kepala keluarga atau NIK sudah dipakai', en: 'The target household already has a head or the NIK is already taken' },
  IMPORT_ALREADY_SAVED: { id: 'Impor ini sudah disimpan', en: 'This import has already been saved' },
  IMPORT_SAVING: { id: 'Impor ini sedang disimpan', en: 'This import is being saved' },
  IMPORT_NEEDS_DRY_RUN: { id: 'Jalankan uji coba (dry run) dulu sebelum menyimpan', en: 'Run the dry run before saving' },
  IMPORT_DRY_RUN_STATUS: { id: 'Uji coba tidak dapat dijalankan: impor ini berstatus {status}', en: 'The dry run cannot run: this import is {status}' },
  IMPORT_STATUS: { id: 'Impor ini berstatus {status}', en: 'This import is {status}' },

  // Identity numbers (households/identity-numbers.ts).
  NIK_FORMAT: { id: 'NIK harus 16 digit', en: 'NIK must be 16 digits' },
  NIK_PROVINCE_UNKNOWN: { id: 'kode provinsi {code} pada NIK tidak ada', en: 'NIK province code {code} does not exist' },
  NIK_REGENCY_ZERO: { id: 'kode kabupaten/kota 00 pada NIK tidak valid', en: 'NIK kabupaten/kota code 00 is not valid' },
  NIK_DISTRICT_ZERO: { id: 'kode kecamatan 00 pada NIK tidak valid', en: 'NIK kecamatan code 00 is not valid' },
  NIK_BIRTH_DATE_INVALID: { id: 'bagian tanggal lahir pada NIK bukan tanggal yang valid', en: 'NIK birth date part is not a real date' },
  NIK_SERIAL_ZERO: { id: 'nomor urut NIK harus mulai dari 0001', en: 'NIK serial must start at 0001' },
  NIK_BIRTH_DATE_MISMATCH: { id: 'tanggal lahir atau jenis kelamin pada NIK tidak cocok dengan Tanggal Lahir/Jenis Kelamin', en: 'NIK birth date does not match birthDate' },
  NIK_TWICE_IN_HOUSEHOLD: { id: 'NIK ini muncul dua kali dalam keluarga ini', en: 'appears twice in this household' },
  BIRTH_DATE_INVALID: { id: 'tanggal lahir tidak valid', en: 'birthDate must be a real YYYY-MM-DD date' },
  KK_FORMAT: { id: 'Nomor KK harus 16 digit', en: 'KK number must be 16 digits' },
  KK_PROVINCE_UNKNOWN: { id: 'kode provinsi {code} pada Nomor KK tidak ada', en: 'KK province code {code} does not exist' },
  KK_REGENCY_ZERO: { id: 'kode kabupaten/kota 00 pada Nomor KK tidak valid', en: 'KK kabupaten/kota code 00 is not valid' },
  KK_DISTRICT_ZERO: { id: 'kode kecamatan 00 pada Nomor KK tidak valid', en: 'KK kecamatan code 00 is not valid' },
  KK_ISSUE_DATE_INVALID: { id: 'bagian tanggal terbit pada Nomor KK bukan tanggal yang valid', en: 'KK issue date part is not a real date' },
  KK_SERIAL_ZERO: { id: 'nomor urut KK harus mulai dari 0001', en: 'KK serial must start at 0001' },
  KK_ISSUE_DATE_IN_FUTURE: { id: 'tanggal terbit pada Nomor KK di masa depan', en: 'KK issue date is in the future' },
  DIGITS_16: { id: 'harus 16 digit', en: 'must be 16 digits' },

  // Households, members, assessments.
  PREGNANCY_NOT_POSSIBLE: { id: 'hanya perempuan usia 10–55 tahun yang dapat dicatat hamil', en: 'only a woman aged 10–55 can be recorded as pregnant' },
  RT_RW_FORMAT: { id: 'harus angka 001 sampai 999', en: 'must be a number from 001 to 999' },
  AREA_UNKNOWN: { id: 'wilayah tidak ada', en: 'no such area' },
  AREA_NOT_KELURAHAN: { id: 'harus kelurahan', en: 'must be a kelurahan' },
  AREA_NOT_KECAMATAN_OR_KELURAHAN: { id: 'harus kecamatan atau kelurahan', en: 'must be a kecamatan or kelurahan' },
  COORDINATES_TOGETHER: { id: 'lintang dan bujur harus diisi bersama', en: 'latitude and longitude go together' },
  HOUSEHOLD_NEEDS_HEAD: { id: 'keluarga minimal berisi kepala keluarganya', en: 'a household needs at least its head' },
  ONE_HEAD: { id: 'tepat satu anggota harus berhubungan Kepala keluarga', en: 'exactly one member must have relation HEAD' },
  DECILE_RANGE_INVERTED: { id: 'tidak boleh di bawah desil minimum', en: 'must not be below decileMin' },
  GRADUATION_NOT_POSSIBLE: { id: 'hanya keluarga miskin ekstrem atau miskin yang dapat graduasi (keluarga ini {status})', en: 'only an EXTREME_POOR or POOR household can graduate (this one is {status})' },
  GRADUATED_DECILE: { id: 'keluarga graduasi berada di atas desil 1', en: 'a graduated household is above decile 1' },
  ASSESSMENT_BEFORE_LATEST: { id: 'tidak boleh sebelum penilaian terakhir ({date})', en: 'must not be before the latest assessment ({date})' },
  EXPORT_TOO_LARGE: { id: 'tampilan ini berisi lebih dari {limit} keluarga; persempit saringan (misalnya satu kecamatan) lalu ekspor lagi', en: 'the view has more than {limit} households; narrow the filter (for example to one kecamatan) and export again' },

  // Growth.
  MEASURED_BEFORE_BIRTH: { id: 'sebelum tanggal lahir anak', en: 'is before the child was born' },
  GROWTH_UNDER_FIVE: { id: 'pengukuran pertumbuhan hanya untuk anak di bawah lima tahun', en: 'growth is measured for children under five' },
  MEASURE_LYING_DOWN: { id: 'anak di bawah sembilan bulan diukur terlentang', en: 'a child under nine months is measured lying down' },
  MEASUREMENT_IMPLAUSIBLE: { id: 'tidak masuk akal untuk usia ini (z = {z}); periksa pengukurannya', en: 'is implausible for this age (z = {z}); check the measurement' },

  // Programs and interventions.
  ORGANIZATION_UNKNOWN: { id: 'organisasi tidak ada', en: 'no such organisation' },
  FOCUS_ASPECT_REQUIRED: { id: 'pilih minimal satu aspek', en: 'needs at least one aspect' },
  PROGRAM_END_BEFORE_START: { id: 'tidak boleh sebelum tanggal mulai', en: 'must not be before startsOn' },
  AGE_RANGE_INVERTED: { id: 'tidak boleh di bawah usia minimum', en: 'must not be below targetMinAgeMonths' },
  TARGET_UNIT_PERSON: { id: 'kriteria usia dan jenis kelamin memerlukan sasaran perorangan', en: 'age and sex criteria need target unit PERSON' },
  BEFORE_PROGRAM_START: { id: 'sebelum program dimulai ({date})', en: 'is before the program starts ({date})' },
  AFTER_PROGRAM_END: { id: 'sesudah program berakhir ({date})', en: 'is after the program ends ({date})' },
  PROGRAM_FOR_PERSON: { id: 'program ini untuk perorangan: penerimanya wajib dipilih', en: 'this program is delivered to a person: choose the member' },
  NOT_A_MEMBER: { id: 'bukan anggota keluarga ini', en: 'is not a member of this household' },
  BELOW_MIN_AGE: { id: 'lebih muda dari usia minimum program ({months} bulan)', en: "is younger than the program's minimum age ({months} months)" },
  ABOVE_MAX_AGE: { id: 'lebih tua dari usia maksimum program ({months} bulan)', en: "is older than the program's maximum age ({months} months)" },
  PROGRAM_FOR_WOMEN: { id: 'program ini hanya untuk perempuan', en: 'this program is for FEMALE members only' },
  PROGRAM_FOR_MEN: { id: 'program ini hanya untuk laki-laki', en: 'this program is for MALE members only' },
  PROGRAM_FOR_HOUSEHOLD: { id: 'program ini untuk keluarga, bukan perorangan', en: 'this program is delivered to the household as a whole' },
  IDEMPOTENCY_KEY_FORMAT: { id: 'harus 8–128 huruf, angka atau _.:-', en: 'must be 8–128 letters, digits or _.:-' },
  DELIVERY_DATE_REQUIRED: { id: 'wajib diisi untuk menandai penyaluran', en: 'is required to mark a delivery' },
  LAWFUL_BASIS_REQUIRED: { id: 'mitra non-pemerintah memerlukan persetujuan keluarga atau dasar hukum lain', en: "a non-government partner needs the household's consent or another lawful basis" },
  CONSENT_ONLY_WITH_CONSENT_BASIS: { id: 'hanya diisi bila dasar hukumnya persetujuan (CONSENT)', en: 'only with lawfulBasis CONSENT' },
  CONSENT_HOUSEHOLD_NOT_REFERRED: { id: 'bukan salah satu keluarga yang dirujuk', en: 'not one of the households referred' },
  CONSENT_ONE_PER_HOUSEHOLD: { id: 'satu persetujuan untuk setiap keluarga', en: 'one consent per household' },
  CONSENT_MISSING: { id: 'belum ada persetujuan untuk keluarga ini', en: 'no consent recorded for this household' },
  CONSENT_GIVER_NOT_MEMBER: { id: 'harus anggota keluarga ini', en: 'must be a member of the household' },
  DECLINE_REASON_REQUIRED: { id: 'tuliskan alasan penolakan', en: 'give the reason for declining' },
  CONSENT_ALREADY_WITHDRAWN: { id: 'persetujuan ini sudah ditarik', en: 'the consent was already withdrawn' },
  REFERRAL_NOT_CONSENT_BASED: { id: 'rujukan ini tidak berdasarkan persetujuan', en: 'this referral does not rest on consent' },
  AFTER_CHILD_LEFT: { id: 'setelah anak ini keluar dari keluarga ({date})', en: 'is after the child left the household ({date})' },
  MEMBER_LEFT_ON: { id: 'sudah keluar dari keluarga pada {date}', en: 'left the household on {date}' },
  NIK_REQUIRED_NEWBORN_ONLY: { id: 'wajib diisi (hanya anak atau cucu yang baru lahir boleh menunggu NIK)', en: 'is required (only a newborn child or grandchild may wait for a NIK)' },
  NIK_REQUIRED_OLDER_THAN_12_MONTHS: { id: 'wajib diisi untuk anggota yang lahir lebih dari 12 bulan lalu', en: 'is required for a member born more than 12 months ago' },
  KK_CHANGE_THROUGH_CORRECTION: { id: 'nomor KK yang sudah terdaftar diubah melalui koreksi KK', en: 'a registered KK number is changed through a KK correction' },
  NIK_CHANGE_THROUGH_CORRECTION: { id: 'NIK yang sudah terdaftar diubah melalui koreksi NIK', en: 'a registered NIK is changed through a NIK correction' },
  MEMBER_IS_HISTORY: { id: 'anggota ini sudah keluar dari keluarga; datanya menjadi riwayat', en: 'this member has left the household; their record is history' },
  MEMBER_ALREADY_LEFT: { id: 'anggota ini sudah keluar dari keluarga', en: 'this member has already left the household' },
  NIK_PENDING_CHILD_ONLY: { id: 'anggota yang masih menunggu NIK adalah anak atau cucu', en: 'a member still waiting for a NIK is a child or grandchild' },
  NEW_HEAD_ONLY_WHEN_HEAD_LEAVES: { id: 'hanya bila kepala keluarga yang keluar', en: 'only when the head leaves' },
  NEW_HEAD_REQUIRED: { id: 'kepala keluarga akan keluar: pilih anggota yang menjadi kepala keluarga', en: 'the head is leaving: name the member who becomes head' },
  NEW_HEAD_NOT_ACTIVE_MEMBER: { id: 'harus anggota lain yang masih tinggal di keluarga ini', en: 'must be another active member of this household' },
  NIK_PENDING_CANNOT_HEAD: { id: 'anggota yang masih menunggu NIK tidak dapat menjadi kepala keluarga', en: 'a member still waiting for a NIK cannot head the household' },
  RECEIVING_HOUSEHOLD_HAS_HEAD: { id: 'keluarga tujuan sudah punya kepala keluarga; pilih hubungan dengannya', en: 'the receiving household has its head; choose the relation to them' },
  ALREADY_MEMBERS_HOUSEHOLD: { id: 'sudah menjadi keluarga anggota ini', en: "is already this member's household" },
  SAME_NIK: { id: 'sama dengan NIK yang sudah tercatat', en: 'is the NIK already registered' },
  SAME_KK: { id: 'sama dengan nomor KK yang sudah tercatat', en: 'is the KK number already registered' },
  STATUS_TRANSITION: { id: 'tidak dapat berpindah dari status {from} ke {to}', en: 'cannot move from {from} to {to}' },
  CORRECTION_STATUS: { id: 'intervensi berstatus {status} tidak dapat dikoreksi', en: 'a {status} intervention cannot be corrected' },
  CANCELLATION_STATUS: { id: 'intervensi berstatus {status} tidak dapat dibatalkan', en: 'a {status} intervention cannot be cancelled' },
  CANCEL_NOT_ALLOWED: { id: 'intervensi berstatus {status} tidak dapat dibatalkan', en: 'a {status} intervention cannot be cancelled' },
  CANCEL_NOT_ALLOWED_ROLE: { id: 'intervensi berstatus {status} tidak dapat dibatalkan oleh peran Anda', en: 'a {status} intervention cannot be cancelled by your role' },

  // Referrals.
  REFERRAL_NEEDS_HOUSEHOLD: { id: 'pilih minimal satu keluarga', en: 'needs at least one household' },
  REFERRAL_TOO_MANY: { id: 'paling banyak 500 keluarga sekaligus', en: 'at most 500 households at a time' },
  REFERRAL_PARTNER_TYPE: { id: 'keluarga dirujuk ke LSM, organisasi kemasyarakatan dan perusahaan', en: 'households are referred to NGOs, community organisations and companies' },
  REFERRAL_STATUS: { id: 'harus Diterima, Ditolak atau Ditutup', en: 'must be ACCEPTED, DECLINED or CLOSED' },

  // Sessions and limits (UNAUTHENTICATED, TOO_MANY_REQUESTS).
  LOGIN_REQUIRED: { id: 'Silakan masuk terlebih dahulu', en: 'Login required' },
  INVALID_CREDENTIALS: { id: 'Nama pengguna atau kata sandi salah', en: 'Wrong username or password' },
  INTROSPECTION_LOGIN_REQUIRED: { id: 'Masuk terlebih dahulu untuk membaca skema', en: 'Log in to introspect the schema' },
  TOO_MANY_LOGIN_ATTEMPTS: { id: 'Terlalu banyak percobaan masuk; coba lagi dalam {seconds} detik', en: 'Too many attempts; try again in {seconds} s' },
  TOO_MANY_IDENTIFIER_SEARCHES: {
    id: 'Terlalu banyak pencarian dengan NIK atau nomor KK; coba lagi dalam {seconds} detik',
    en: 'Too many searches by NIK or KK number; try again in {seconds} s',
  },
  SERVER_BUSY: { id: 'Server sedang sibuk; coba lagi dalam {seconds} detik', en: 'The server is busy; try again in {seconds} s' },
  TOO_MANY_EXPORTS: {
    id: 'Paling banyak {max} ekspor per {minutes} menit; coba lagi dalam {seconds} detik',
    en: 'At most {max} exports per {minutes} minutes; try again in {seconds} s',
  },

  // Users, tokens, organisations, login.
  CURRENT_PASSWORD_WRONG: { id: 'kata sandi saat ini salah', en: 'the current password is wrong' },
  OFFICER_NEEDS_AREA: { id: 'petugas kelurahan memerlukan wilayah', en: 'a kelurahan officer needs an area' },
  AREA_ONLY_FOR_OFFICERS: { id: 'hanya petugas kelurahan yang memiliki wilayah', en: 'only kelurahan officers have an area scope' },
  CANNOT_DEACTIVATE_SELF: { id: 'Anda tidak dapat menonaktifkan diri sendiri', en: 'you cannot deactivate yourself' },
  USERNAME_FORMAT: { id: 'harus 3–40 huruf kecil, angka, titik, tanda hubung atau garis bawah', en: 'must be 3–40 lowercase letters, digits, dot, dash or underscore' },
  TOKEN_DAYS: { id: 'harus bilangan bulat hari dari 1 sampai {max}', en: 'must be a whole number of days from 1 to {max}' },
  TOO_MANY_TOKENS: { id: 'paling banyak {max} token aktif; cabut salah satu dulu', en: 'at most {max} active tokens; revoke one first' },
  EMAIL_FORMAT: { id: 'bukan alamat e-mail', en: 'is not an e-mail address' },
  PHONE_FORMAT: { id: 'bukan nomor telepon', en: 'is not a phone number' },

  // Indicators, analytics, areas, audit, lists.
  QUARTER_NOT_STARTED: { id: 'triwulan {quarter} tahun {year} belum dimulai', en: 'quarter {quarter} of {year} has not started yet' },
  AREA_CODE_FORMAT: { id: 'bukan kode wilayah Kemendagri (mis. 62.71.03.1002)', en: 'is not a Kemendagri area code (e.g. 62.71.03.1002)' },
  AREA_CODE_UNKNOWN: { id: 'tidak ada wilayah dengan kode ini', en: 'no area has this code' },
  PERIOD_INVERTED: { id: 'tidak boleh sebelum tanggal awal', en: 'must not be before filter.from' },
  PERIOD_END_BEFORE_START: { id: 'harus sesudah tanggal awal', en: 'must be after from' },
  ORGANIZATION_ID_FORMAT: { id: 'bukan id organisasi', en: 'is not an organisation id' },
  ID_OR_CODE: { id: 'isi id atau kode, salah satu saja', en: 'give either id or code' },
  BOUNDARY_INVALID: { id: 'Batas wilayah tidak valid: {detail}', en: '{detail}' },
  CURSOR_INVALID: { id: 'bukan penanda halaman dari daftar ini', en: 'is not a cursor returned by this list' },
  PAGE_SIZE: { id: 'harus nol atau bilangan bulat positif', en: 'must be zero or a positive whole number' },

  // Imports (the review and column mapping speak Indonesian already).
  REVIEW_IGNORE_ONLY: { id: 'baris ini hanya dapat diabaikan; perbaiki berkasnya lalu impor ulang', en: 'this row can only be ignored; fix the file and import again' },
  REVIEW_NIK_TAKEN: { id: 'NIK ini sudah dipakai orang yang terdaftar: gabungkan atau abaikan', en: 'this NIK belongs to a registered person: merge or ignore' },
  REVIEW_KK_UNKNOWN: { id: 'KK di berkas belum terdaftar; impor keluarganya dulu', en: "the file's KK is not registered; import the household first" },
  MAPPING_AFTER_SAVE: { id: 'kolom hanya dapat dipetakan sebelum impor disimpan', en: 'columns can only be mapped before the import is saved' },
  MAPPING_UNKNOWN_KEY: { id: 'bukan kolom templat {source}', en: 'is not a column of the {source} template' },
  MAPPING_COLUMN_RANGE: { id: 'harus 0–{max}', en: 'must be 0–{max}' },
  MAPPING_TWICE: { id: 'kolom "{column}" dipetakan dua kali ({first}, {second})', en: 'column "{column}" is mapped twice ({first}, {second})' },
  MAPPING_MISSING: { id: 'kolom wajib belum dipetakan: {columns}', en: 'required columns are not mapped: {columns}' },

  // Shared validators (graphql/validate.ts, input-format.ts, the database's own checks).
  REQUIRED: { id: 'wajib diisi', en: 'is required' },
  TEXT_LENGTH: { id: 'harus {min}–{max} karakter', en: 'must be {min}–{max} characters' },
  TEXT_TOO_LONG: { id: 'paling banyak {max} karakter', en: 'must be at most {max} characters' },
  TEXT_TOO_SHORT: { id: 'paling sedikit {min} karakter', en: 'must be at least {min} characters' },
  NUMBER_RANGE: { id: 'harus antara {min} dan {max}', en: 'must be between {min} and {max}' },
  WHOLE_NUMBER: { id: 'harus bilangan bulat', en: 'must be a whole number' },
  DATE_INVALID: { id: 'bukan tanggal yang valid', en: 'must be a real date (YYYY-MM-DD)' },
  DATE_TOO_EARLY: { id: 'tidak boleh sebelum {date}', en: 'must not be before {date}' },
  DATE_TOO_LATE: { id: 'tidak boleh sesudah {date}', en: 'must not be after {date}' },
  ID_FORMAT: { id: 'harus berupa id (uuid)', en: 'must be an id (a uuid)' },
  NUL_CHARACTER: { id: 'tidak boleh berisi karakter NUL', en: 'must not contain the NUL character' },
  VALUE_NOT_ALLOWED: { id: 'nilai ini tidak diperbolehkan', en: 'value is not allowed' },
  REFERENCE_UNKNOWN: { id: 'merujuk ke data yang tidak ada', en: 'refers to a record that does not exist' },
  WRONG_FORM: { id: 'berisi nilai yang bentuknya salah (misalnya id yang bukan uuid)', en: 'contains a value of the wrong form (for example an id that is not a uuid)' },
} as const satisfies Record<string, { id: string; en: string }>;

export type Reason = keyof typeof MESSAGES;

type ParamsOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamsOf<Rest> : never;
export type ParamsOfReason<R extends Reason> = ParamsOf<(typeof MESSAGES)[R]['en']>;

/** A catalogued problem: its code and the values of its parameters. */
export interface Problem {
  reason: Reason;
  params: Record<string, string>;
}

/**
 * A problem for `new BadUserInputError(field, problem('NIK_FORMAT'))` and the other error classes;
 * the compiler checks the parameters against the catalogue.
 */
export function problem<R extends Reason>(
  reason: R,
  ...params: [ParamsOfReason<R>] extends [never] ? [] : [Record<ParamsOfReason<R>, string | number>]
): Problem {
  const values = (params[0] ?? {}) as Record<string, string | number>;
  return { reason, params: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])) };
}

// Values that appear as parameters (statuses, kinds of record), as the portal labels them.
const VALUE_LABELS: Record<string, string> = {
  Household: 'Data keluarga',
  Person: 'Data anggota keluarga',
  PLANNED: 'Direncanakan',
  IN_PROGRESS: 'Berjalan',
  DELIVERED: 'Disalurkan',
  VERIFIED: 'Terverifikasi',
  CANCELLED: 'Dibatalkan',
  REQUESTED: 'Diminta',
  ACCEPTED: 'Diterima',
  DECLINED: 'Ditolak',
  CLOSED: 'Ditutup',
  EXTREME_POOR: 'Miskin ekstrem',
  POOR: 'Miskin',
  VULNERABLE: 'Rentan',
  NOT_POOR: 'Tidak miskin',
  GRADUATED: 'Graduasi',
  UPLOADED: 'Diunggah',
  VALIDATING: 'Sedang diuji',
  VALIDATED: 'Sudah diuji',
  COMMITTING: 'Sedang disimpan',
  COMMITTED: 'Tersimpan',
  FAILED: 'Gagal',
};

const paramNames = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** The parameters a code takes, in each language (the catalogue test compares them). */
export function parametersOf(reason: Reason, lang: Lang): string[] {
  return paramNames(MESSAGES[reason][lang]).sort();
}

/** The message of a problem in a language. */
export function render({ reason, params }: Problem, lang: Lang): string {
  return MESSAGES[reason][lang].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name] ?? '';
    return lang === 'id' ? (VALUE_LABELS[value] ?? value) : value;
  });
}

/** Sentence case for a message shown on its own (the English ones start in lower case after "field: "). */
export const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

const MATCHERS = (Object.keys(MESSAGES) as Reason[]).flatMap((reason) =>
  (['en', 'id'] as const).map((lang) => {
    const template = MESSAGES[reason][lang];
    const names = paramNames(template);
    const pattern = new RegExp(`^${escape(template).replace(/\{(\w+)\}/g, '(.+?)')}$`);
    return { reason, names, pattern };
  }),
);

/**
 * The catalogued problem an older message stands for: code written before the catalogue throws
 * messages (English, or Indonesian in the import module) that are matched against the templates.
 * Undefined when none matches; the generic fallbacks are never matched.
 */
export function problemOf(message: string): Problem | undefined {
  for (const { reason, names, pattern } of MATCHERS) {
    if (reason === 'INVALID_VALUE' || reason === 'CONFLICT' || reason === 'NOT_FOUND' || reason === 'FORBIDDEN' || reason === 'BOUNDARY_INVALID') continue;
    const m = pattern.exec(message);
    if (m) return { reason, params: Object.fromEntries(names.map((name, i) => [name, m[i + 1]!])) };
  }
  return undefined;
}
