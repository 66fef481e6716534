# ruff: noqa: E501  (the sentences of an item stay whole, as an editor wrote them)
"""The relevance corpus: realistic items of eight OPDs, written for this suite.

Each row: OPD slug, title, summary, body (one paragraph). Loaded as real pages, so
both engines see them through the normal path (the index through a reindex, the
database fallback through the stored documents).
"""

OPDS = [
    ("diskominfo", "Dinas Komunikasi, Informatika, Statistik dan Persandian"),
    ("dinkes", "Dinas Kesehatan"),
    ("bpbd", "Badan Penanggulangan Bencana Daerah"),
    ("dindikbud", "Dinas Pendidikan dan Kebudayaan"),
    ("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah"),
    ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang"),
    ("dinsos", "Dinas Sosial"),
    ("dlhk", "Dinas Lingkungan Hidup dan Kehutanan"),
]

ITEMS = [
    (
        "diskominfo",
        "Bimtek Pengelolaan Media Sosial bagi Admin OPD",
        "Sebanyak 80 admin mengikuti bimbingan teknis di Serang.",
        "Peserta belajar menyusun rencana konten, menulis keterangan foto dan menjawab komentar warga dengan santun.",
    ),
    (
        "diskominfo",
        "Penandatanganan Nota Kesepahaman Satu Data Banten",
        "Pemprov dan perguruan tinggi sepakat berbagi data statistik.",
        "Nota kesepahaman ditandatangani oleh Sekretaris Daerah dan rektor untuk memperkuat tata kelola data sektoral.",
    ),
    (
        "diskominfo",
        "Klarifikasi Hoaks Pendaftaran Bantuan Melalui Tautan WhatsApp",
        "Pesan berantai yang meminta data pribadi adalah palsu.",
        "Warga diimbau tidak membuka tautan dan memeriksa kebenaran kabar melalui kanal resmi pemerintah.",
    ),
    (
        "diskominfo",
        "Laporan Layanan Informasi Publik Tahun 2024",
        "Rekapitulasi permohonan informasi dan keberatan yang diterima PPID Utama.",
        "Sepanjang tahun PPID menerima 312 permohonan informasi, seluruhnya dijawab dalam batas waktu.",
    ),
    (
        "diskominfo",
        "Jaringan Internet Gratis di Alun-alun Kota Serang",
        "Titik akses internet publik ditambah di ruang terbuka.",
        "Warga dapat tersambung ke jaringan nirkabel secara gratis dengan batas waktu dua jam.",
    ),
    (
        "dinkes",
        "Imunisasi Campak dan Rubela untuk Anak Sekolah Dasar",
        "Vaksinasi gratis dilaksanakan di seluruh sekolah dasar.",
        "Orang tua diminta membawa buku kesehatan anak. Petugas puskesmas mendatangi sekolah sesuai jadwal.",
    ),
    (
        "dinkes",
        "Pencegahan Demam Berdarah Saat Musim Hujan",
        "Gerakan menguras, menutup dan mendaur ulang barang bekas.",
        "Jentik nyamuk berkembang di genangan air. Kader kesehatan memeriksa rumah warga setiap Jumat.",
    ),
    (
        "dinkes",
        "Posyandu Remaja Cegah Stunting Sejak Dini",
        "Remaja putri mendapat tablet tambah darah setiap pekan.",
        "Kader posyandu memantau tinggi badan dan status gizi remaja di desa.",
    ),
    (
        "dinkes",
        "Jadwal Layanan Kesehatan Gratis di Puskesmas Keliling",
        "Mobil puskesmas keliling melayani desa terpencil.",
        "Pemeriksaan tekanan darah, gula darah dan konsultasi dokter tanpa biaya bagi warga.",
    ),
    (
        "dinkes",
        "Pendaftaran Jaminan Kesehatan bagi Warga Tidak Mampu",
        "Iuran peserta BPJS Kesehatan ditanggung pemerintah daerah.",
        "Warga cukup membawa kartu keluarga dan surat keterangan tidak mampu ke kantor desa.",
    ),
    (
        "bpbd",
        "Peringatan Dini Banjir di Kabupaten Lebak",
        "Curah hujan tinggi diperkirakan sepekan ke depan.",
        "Warga di bantaran sungai diminta bersiap mengungsi dan memantau ketinggian air.",
    ),
    (
        "bpbd",
        "Simulasi Evakuasi Gempa Bumi dan Tsunami di Pesisir Pandeglang",
        "Ratusan warga berlatih menuju titik kumpul.",
        "Sirene dibunyikan dan relawan memandu warga ke bukit terdekat dalam waktu lima belas menit.",
    ),
    (
        "bpbd",
        "Penyaluran Logistik untuk Korban Tanah Longsor",
        "Bantuan beras, selimut dan air bersih dikirim ke lokasi.",
        "Posko pengungsian didirikan di balai desa dan dapur umum melayani tiga kali sehari.",
    ),
    (
        "bpbd",
        "Laporan Pertanggungjawaban Dana Siap Pakai Penanganan Bencana",
        "Rincian penggunaan dana darurat selama masa tanggap bencana.",
        "Dana digunakan untuk evakuasi, logistik dan perbaikan darurat fasilitas umum.",
    ),
    (
        "dindikbud",
        "Penerimaan Peserta Didik Baru SMA Negeri Tahun 2025",
        "Jalur zonasi, afirmasi, prestasi dan perpindahan orang tua.",
        "Pendaftaran dilakukan secara daring. Calon siswa menyiapkan rapor dan kartu keluarga.",
    ),
    (
        "dindikbud",
        "Beasiswa Prestasi bagi Siswa Berprestasi dari Keluarga Prasejahtera",
        "Bantuan biaya pendidikan untuk 500 pelajar.",
        "Penerima dipilih berdasarkan nilai rapor dan surat keterangan dari sekolah.",
    ),
    (
        "dindikbud",
        "Festival Budaya Baduy dan Keanekaragaman Seni Banten",
        "Pertunjukan tari, musik dan kerajinan tradisional.",
        "Festival menampilkan kekayaan budaya dari delapan kabupaten dan kota.",
    ),
    (
        "dindikbud",
        "Pelatihan Guru Penggerak Kurikulum Merdeka",
        "Seratus guru mengikuti lokakarya pembelajaran berdiferensiasi.",
        "Guru menyusun modul ajar dan berbagi praktik baik antarsekolah.",
    ),
    (
        "bpkad",
        "Realisasi Anggaran Pendapatan dan Belanja Daerah Triwulan III",
        "Serapan belanja mencapai 68 persen dari pagu.",
        "Belanja modal untuk jalan dan sekolah menjadi pendorong utama serapan anggaran.",
    ),
    (
        "bpkad",
        "Laporan Keuangan Pemerintah Daerah Tahun 2023 Raih Opini WTP",
        "Badan Pemeriksa Keuangan memberi opini wajar tanpa pengecualian.",
        "Opini ini diraih tujuh kali berturut-turut berkat penatausahaan aset yang tertib.",
    ),
    (
        "bpkad",
        "Pemutihan Pajak Kendaraan Bermotor Diperpanjang",
        "Penghapusan denda berlaku hingga akhir bulan.",
        "Wajib pajak cukup membayar pokok pajak di kantor samsat terdekat.",
    ),
    (
        "bpkad",
        "Pengelolaan Barang Milik Daerah dan Inventarisasi Aset",
        "Aset tanah dan bangunan didata ulang.",
        "Setiap OPD wajib memperbarui kartu inventaris barang sebelum akhir tahun anggaran.",
    ),
    (
        "dpupr",
        "Pembangunan Jalan Provinsi Ruas Saketi Malingping",
        "Peningkatan jalan sepanjang 12 kilometer rampung.",
        "Pekerjaan meliputi pelebaran badan jalan, drainase dan pemasangan rambu.",
    ),
    (
        "dpupr",
        "Perbaikan Jembatan Gantung Penghubung Antardesa",
        "Jembatan yang rusak akibat banjir kembali dapat dilalui.",
        "Tali baja dan lantai kayu diganti dengan konstruksi yang lebih kuat.",
    ),
    (
        "dpupr",
        "Kerja Sama Penyediaan Air Minum dengan Badan Usaha",
        "Skema kerja sama pemerintah dan badan usaha untuk air bersih.",
        "Perjanjian kerja sama mencakup pembangunan instalasi pengolahan air dan jaringan pipa.",
    ),
    (
        "dpupr",
        "Rencana Tata Ruang Wilayah Provinsi Banten 2023-2043",
        "Dokumen arahan pemanfaatan ruang dua puluh tahun.",
        "Rencana mengatur kawasan lindung, kawasan industri dan kawasan permukiman.",
    ),
    (
        "dinsos",
        "Penyaluran Bantuan Sosial Pangan bagi Lansia",
        "Paket sembako diantar ke rumah penerima.",
        "Pendamping sosial memastikan bantuan diterima langsung oleh lansia yang tinggal sendiri.",
    ),
    (
        "dinsos",
        "Rehabilitasi Sosial Anak Jalanan dan Anak Terlantar",
        "Anak mendapat tempat tinggal, sekolah dan pendampingan.",
        "Panti sosial bekerja dengan keluarga agar anak dapat kembali ke rumah.",
    ),
    (
        "dinsos",
        "Pemberitahuan Verifikasi Ulang Data Penerima Bantuan",
        "Data keluarga penerima manfaat diperbarui.",
        "Petugas mendatangi rumah untuk mencocokkan data kependudukan dan kondisi ekonomi.",
    ),
    (
        "dlhk",
        "Pengelolaan Sampah Plastik di Pantai Anyer",
        "Bank sampah desa menampung plastik dari wisatawan.",
        "Warga menukar sampah plastik dengan tabungan dan sembako.",
    ),
    (
        "dlhk",
        "Penanaman Sepuluh Ribu Pohon Mangrove di Pesisir Utara",
        "Mangrove menahan abrasi dan menjadi rumah bagi ikan.",
        "Relawan, pelajar dan nelayan ikut serta menanam bibit di kawasan pesisir.",
    ),
    (
        "dlhk",
        "Pemantauan Kualitas Udara di Kawasan Industri Cilegon",
        "Alat pemantau dipasang di lima titik.",
        "Hasil pengukuran partikel debu diumumkan setiap hari di situs dinas.",
    ),
    (
        "dlhk",
        "Diikutsertakannya Warga dalam Patroli Hutan Lindung",
        "Masyarakat desa penyangga diajak menjaga hutan.",
        "Patroli bersama mencegah pembalakan liar dan kebakaran hutan.",
    ),
    (
        "bpkad",
        "Penyalahgunaan Dana Hibah Dicegah Lewat Aplikasi",
        "Setiap penerima hibah melaporkan penggunaan dana secara daring.",
        "Inspektorat memeriksa laporan dan memberi teguran bila ada kejanggalan.",
    ),
    (
        "diskominfo",
        "Serah Terima Jabatan Kepala Bidang Persandian",
        "Pejabat lama menyerahkan tugas kepada penggantinya.",
        "Acara dipimpin oleh kepala dinas dan dihadiri seluruh pegawai bidang persandian.",
    ),
    (
        "dinkes",
        "Tindak Lanjut Temuan Kasus Tuberkulosis di Sekolah",
        "Pemeriksaan kontak erat dilakukan di lingkungan sekolah.",
        "Siswa yang bergejala batuk lebih dari dua minggu dirujuk ke puskesmas.",
    ),
]
