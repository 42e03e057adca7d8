import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// Both modules are analysed; server compiles against api through the reactor.
assert log =~ /async-lint-maven-plugin:[^:]+:check \(default\) @ api/
assert log =~ /async-lint-maven-plugin:[^:]+:check \(default\) @ server/
// BlockingIoInEventLoop lowered to WARNING by <rules>, so it reports without failing.
assert log.contains('[WARNING] server/src/main/java/demo/server/FileHandler.java:[12,') 
assert log.contains('[BlockingIoInEventLoop] `Files.readString')
assert log.contains('BUILD SUCCESS')

def apiReport = new JsonSlurper().parse(new File(basedir, 'api/target/async-lint/async-lint.json'))
assert apiReport.summary.total == 0
def sarif = new JsonSlurper().parse(new File(basedir, 'server/target/async-lint/async-lint.sarif'))
def result = sarif.runs[0].results[0]
assert result.level == 'warning'
// URIs are relative to the repository root, not the module.
assert result.locations[0].physicalLocation.artifactLocation.uri == 'server/src/main/java/demo/server/FileHandler.java'
return true
