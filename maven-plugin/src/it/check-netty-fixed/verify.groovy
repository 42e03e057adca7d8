import com.fasterxml.jackson.databind.ObjectMapper

def log = new File(basedir, 'build.log').text
assert log.contains('async-lint: analysing 1 file with the errorprone engine')
assert log.contains('async-lint: 0 findings, 0 at ERROR or above')
assert !log.contains('[SleepInEventLoop]')
assert log.contains('BUILD SUCCESS')
def json = new ObjectMapper().readTree(new File(basedir, 'target/async-lint/async-lint.json'))
assert json.at('/summary/total').asInt() == 0
return true
