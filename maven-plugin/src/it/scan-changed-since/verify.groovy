def log = new File(basedir, 'build.log').text
def runs = log.split(/Scanning for projects/)
assert runs.size() == 4 : runs.size()
def changed = runs[1]
assert changed.contains('async-lint: only lines changed since base count (2 changed files')
assert changed =~ /\[ERROR\] src\/main\/java\/demo\/OldHandler\.java:\[10,\d+\] \[SleepInEventLoop\] `Thread\.sleep\(20\)`/
assert changed =~ /\[ERROR\] src\/main\/java\/demo\/NewHandler\.java:\[9,\d+\] \[SleepInEventLoop\] `Thread\.sleep\(30\)`/
assert !(changed =~ /OldHandler\.java:\[9,/)
assert changed.contains('async-lint: 2 violations at ERROR or above')

def all = runs[2]
assert all =~ /OldHandler\.java:\[9,\d+\] \[SleepInEventLoop\]/
assert all.contains('async-lint: 3 findings, 3 at ERROR or above')
assert all.contains('with the javaparser engine')

assert runs[3].contains("async-lint: <changedSince>: 'no-such-branch' is not a commit, branch or tag in")
return true
