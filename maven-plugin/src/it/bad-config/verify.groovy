def log = new File(basedir, 'build.log').text
assert log.contains("async-lint: <rules> names an unknown rule 'SleepInEventLop'; known rules: SleepInEventLoop,")
assert log.contains("async-lint: <rules> sets SleepInEventLoop to 'FATAL'; use OFF, WARNING or ERROR")
assert log =~ /async-lint: <catalog> .*missing\.catalog cannot be read/
assert log =~ /async-lint: <catalog> .*bad\.catalog has errors:/
assert log =~ /bad\.catalog:3: /
assert log.contains("async-lint: <formats> has 'pdf'; known formats: sarif, json, html")
assert log =~ /async-lint: <baseline> .*nope\.json does not exist; create it with mvn async-lint:baseline/
assert log.contains("async-lint: <failOnSeverity> is 'FATAL'; use ERROR, WARNING or NOTE")
// Configuration is checked before any analysis.
assert !log.contains('javac from JDK')
return true
