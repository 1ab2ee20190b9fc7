/** Mirrors the server's policy: at least 10 characters and three of upper, lower, digit, symbol. */
export function meetsPasswordPolicy(password: string): boolean {
  if (password.length < 10) return false
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  return classes >= 3
}
