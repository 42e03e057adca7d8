def log = new File(basedir, 'build.log').text
assert log.contains("async-lint: <rules> names an unknown rule 'SleepInEventLop'; known rules: SleepInEventLoop,")
assert log =~ /async-lint: <catalog> .*missing\.catalog cannot be read/
assert log =~ /async-lint: <catalog> .*bad\.catalog has errors:/
assert log =~ /bad\.catalog:3: /
assert log =~ /async-lint: <baseline> .*nope\.json does not exist; create it with mvn async-lint:baseline/
// Configuration is checked before any analysis.
assert !log.contains('javac from JDK')
return true
