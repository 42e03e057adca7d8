def log = new File(basedir, 'build.log').text
assert log =~ /async-lint: argLine set to -Dit\.kept=yes -javaagent:\S*async-lint-agent-\S*\.jar=report=\S*target\/async-lint\/agent\.json/
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
assert new File(basedir, 'target/async-lint/agent.json').isFile()
return true
