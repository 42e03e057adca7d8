import groovy.json.JsonSlurper

def baseline = new JsonSlurper().parse(new File(basedir, 'async-lint-baseline.json'))
assert baseline.findings.size() == 1
assert baseline.findings[0].rule == 'SleepInEventLoop'
assert baseline.findings[0].path == 'src/main/java/demo/OldHandler.java'
assert baseline.findings[0].fingerprint ==~ /[0-9a-f]{16}:1/

def log = new File(basedir, 'build.log').text
assert log.contains('async-lint: wrote 1 finding to the baseline')
assert log.contains('1 known finding remains, 0 fixed since, 0 new')
assert log.contains('1 known finding remains, 0 fixed since, 1 new')
assert log.contains('[ERROR] src/main/java/demo/NewHandler.java:[10,17] [SleepInEventLoop]')
assert !log.contains('[ERROR] src/main/java/demo/OldHandler.java:[10,17]')
assert log.contains('async-lint: 1 violation at ERROR or above (max allowed 0): src/main/java/demo/NewHandler.java:10 [SleepInEventLoop]')
return true
