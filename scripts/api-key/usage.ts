export const USAGE = `Usage: npm run api-key -- create --project "Project name"
       npm run api-key -- list --project "Project name"
       npm run api-key -- revoke KEY_ID --project "Project name"
       npm run api-key -- rotate-signing-secret --project "Project name"
       npm run api-key -- theme --project "Project name" [--file theme.json | --json '{...}' | --clear]
       npm run api-key -- twilio --project "Project name" --account-sid AC... --auth-token TOKEN|-
       npm run api-key -- twilio --project "Project name" --clear

create: creates the project if it does not exist yet, then a new API key for it. The key is
shown only now, as the last line of the output; only its hash is stored. The project's redirect
signing secret is printed too.
list: the project's API keys (id, last 4 characters, created, revoked), never the keys.
revoke: revokes a key by its id (or a unique prefix of at least 8 characters, from list); the
API refuses it (401) from the next request on.
rotate-signing-secret: replaces the redirect signing secret and prints the new one as the last
line. Redirects made from then on are signed with it; the old secret verifies none of them.
theme: sets the project's default theme (the 12 #RRGGBB keys of a setup link's theme_config, as
a file or inline JSON; \`--file -\` reads stdin), or removes it with --clear; without an option it
shows it. Links created afterwards without colours of their own take it; existing links keep theirs.
twilio: sets (or with --clear removes) the existing project's own Twilio credentials, needed to
provision numbers outside the US (\`--auth-token -\` reads the token from stdin). The auth token
is stored encrypted and never printed.
All but create need an existing project. Uses DATABASE_URL when set, else the embedded database
in DATA_DIR (default ./.data), which must not be in use by a running server.`;
