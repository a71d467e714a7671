#!/usr/bin/env bash
# The action's second step (action.yml): runs `jwtlint lint` on the tokens file with the action's inputs, writes
# jwtlint's exit status to the step's output exit-code, and fails the step unless it is 0. The inputs reach jwtlint
# as separate arguments, never through a shell: args is one argument per line.
set -uo pipefail
fail() { echo "::error title=jwtlint action::$*"; exit 2; }
command -v jwtlint >/dev/null || fail "jwtlint is not on PATH: the install step did not run"
[ -n "${JWTLINT_TOKENS_FILE:-}" ] || fail "tokens-file is empty: name the file of tokens to lint"

arguments=(lint --format "${JWTLINT_FORMAT:-github}" --profile "${JWTLINT_PROFILE:-auto}" --tokens-file "$JWTLINT_TOKENS_FILE")
[ -z "${JWTLINT_KEY:-}" ] || arguments+=(--key "$JWTLINT_KEY")
[ -z "${JWTLINT_KID:-}" ] || arguments+=(--kid "$JWTLINT_KID")
[ -z "${JWTLINT_CONFIG:-}" ] || arguments+=(--config "$JWTLINT_CONFIG")
while IFS= read -r line; do
    line="${line%$'\r'}"
    [ -z "$line" ] || arguments+=("$line")
done <<< "${JWTLINT_ARGS:-}"

status=0
if [ -n "${JWTLINT_OUTPUT:-}" ]; then
    jwtlint "${arguments[@]}" > "$JWTLINT_OUTPUT" || status=$?
else
    jwtlint "${arguments[@]}" || status=$?
fi
echo "exit-code=$status" >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is set by the runner}"
exit "$status"
