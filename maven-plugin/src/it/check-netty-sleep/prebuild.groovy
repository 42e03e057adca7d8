// The project is its own repository root (SARIF URIs are relative to it), as a user's would be.
new File(basedir, '.git').mkdirs()
return true
