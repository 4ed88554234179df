/**
 * What the GraphiQL editor shows on a first visit (afterwards GraphiQL
 * restores the tabs it saved in localStorage). Lines stay short so they fit
 * the editor pane on a laptop screen.
 */
export const DEFAULT_QUERY = `# API GraphQL Sinergi — Kota Palangka Raya
#
# 1. Masuk: ganti nama pengguna dan kata sandi
#    di "Login" dengan akun Anda, tekan ▶ dan
#    pilih "Login". Server mengembalikan token
#    dan memasang cookie sesi HttpOnly, jadi
#    permintaan berikutnya dari IDE ini sudah
#    masuk. Sudah masuk di portal? Lewati.
#
# 2. Tekan ▶ dan pilih "Households": yang
#    tampil bergantung pada peran Anda.
#
# Keluar: mutation { logout }
#
# English: sign in with "Login" using your
# own account, then run "Households".

mutation Login {
  login(username: "nama.pengguna", password: "kata-sandi") {
    token
    user {
      username
      role
    }
  }
}

query Households {
  households(first: 5) {
    totalCount
    edges {
      node {
        id
        kkNumber
        povertyStatus
        area {
          name
        }
      }
    }
  }
}
`;
