// The agent module is built elsewhere; run only when its jar at the plugin's version is available.
def pom = new File(basedir, 'pom.xml').text
def version = (pom =~ /<artifactId>async-lint-maven-plugin<\/artifactId>\s*<version>([^<]+)<\/version>/)[0][1]
def path = "dev/asynclint/async-lint-agent/${version}/async-lint-agent-${version}.jar"
def available = new File(System.getProperty('user.home'), ".m2/repository/${path}").exists() ||
    new File(localRepositoryPath, path).exists()
if (!available) {
  println "prepare-agent IT skipped: ${path} is not installed (build the agent module first)"
}
return available
