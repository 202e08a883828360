"""Git in the temporary repositories of the tests: a fixed identity, branch
and no signing, so the user's configuration never changes a test."""
import os
import subprocess


def git(repo, *args, date=None):
    """Runs git in repo; date (ISO 8601) sets author and committer dates."""
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] +
                   list(args), cwd=repo, check=True, env=env, capture_output=True)
