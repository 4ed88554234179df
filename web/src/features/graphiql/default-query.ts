/**
 * What the GraphiQL editor shows on a first visit (afterwards GraphiQL
 * restores the tabs it saved in localStorage). Lines stay short so they fit
 * the editor pane on a laptop screen.
 */
export const DEFAULT_QUERY = `# Sinergi GraphQL API
# Kota Palangka Raya
#
# 1. Masuk / Sign in: press ▶, pick "Login".
#    The server returns a token AND sets an
#    HttpOnly session cookie, so every later
#    request from this IDE is authenticated.
#    Demo users: admin, bappeda, dinsos,
#    dinkes, lurah.menteng, ngo, csr,
#    inspektorat. Password: sinergi-demo
#
# 2. Then press ▶, pick "Households".
#    What you see depends on your role.
#
# Keluar / Sign out: mutation { logout }

mutation Login {
  login(username: "admin", password: "sinergi-demo") {
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
