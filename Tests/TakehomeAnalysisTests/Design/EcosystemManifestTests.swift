import Foundation
import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// One realistic manifest per ecosystem, read through `Manifests.read`, and a broken one each.
@Suite struct EcosystemManifestTests {
    func read(_ name: String, _ text: String) throws -> Manifests.Reading {
        let scratch = try ScratchTree()
        try scratch.write(name, text)
        return Manifests.read(in: scratch.url)
    }

    func summary(_ reading: Manifests.Reading) -> [String] {
        reading.dependencies.map { "\($0.name)@\($0.line)\($0.isDevelopment ? " dev" : "")" }
    }

    @Test func packageJSONKeepsDevelopmentDependenciesApart() throws {
        let reading = try read("package.json", """
            {
              "name": "shift-pay",
              "version": "1.0.0",
              "scripts": { "test": "jest" },
              "dependencies": {
                "express": "^4.18.2",
                "lodash": "^4.17.21"
              },
              "devDependencies": {
                "jest": "^29.7.0",
                "@types/node": "^20.0.0"
              }
            }

            """)
        #expect(summary(reading) == ["express@6", "lodash@7", "jest@10 dev", "@types/node@11 dev"])
        #expect(reading.notes.isEmpty)
    }

    @Test func goModRequireLinesAndBlocksWithoutIndirectOnes() throws {
        let reading = try read("go.mod", """
            module example.com/shiftpay

            go 1.22

            require github.com/google/uuid v1.6.0

            require (
            \tgithub.com/stretchr/testify v1.9.0
            \tgolang.org/x/text v0.14.0 // indirect
            \tgithub.com/spf13/cobra v1.8.0 // cli
            )

            """)
        #expect(summary(reading) == ["github.com/google/uuid@5", "github.com/stretchr/testify@8", "github.com/spf13/cobra@10"])
    }

    @Test func packageSwiftPackagesByNameURLOrIdButNotLocalPaths() throws {
        let reading = try read("Package.swift", """
            // swift-tools-version: 6.0
            import PackageDescription

            let package = Package(
                name: "ShiftPay",
                dependencies: [
                    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.3.0"),
                    .package(name: "Yams", url: "https://github.com/jpsim/Yams", from: "5.0.0"),
                    .package(id: "mona.LinkedList", from: "1.0.0"),
                    .package(path: "../Shared"),
                ],
                targets: [
                    .executableTarget(name: "shiftpay", dependencies: [
                        .product(name: "ArgumentParser", package: "swift-argument-parser"),
                    ]),
                ]
            )

            """)
        #expect(summary(reading) == ["swift-argument-parser@7", "Yams@8", "mona.LinkedList@9"])
        #expect(reading.notes.isEmpty)
    }

    @Test func pomDependenciesWithTestScopeAndWithoutManagedOrPluginOnes() throws {
        let reading = try read("pom.xml", """
            <project>
              <dependencyManagement>
                <dependencies>
                  <dependency><groupId>org.junit</groupId><artifactId>junit-bom</artifactId></dependency>
                </dependencies>
              </dependencyManagement>
              <dependencies>
                <dependency>
                  <groupId>com.google.guava</groupId>
                  <artifactId>guava</artifactId>
                  <version>33.0.0-jre</version>
                </dependency>
                <dependency>
                  <groupId>org.junit.jupiter</groupId>
                  <artifactId>junit-jupiter</artifactId>
                  <scope>test</scope>
                </dependency>
              </dependencies>
              <build><plugins><plugin>
                <artifactId>maven-surefire-plugin</artifactId>
                <dependencies><dependency><artifactId>surefire-junit</artifactId></dependency></dependencies>
              </plugin></plugins></build>
            </project>

            """)
        #expect(summary(reading) == ["com.google.guava:guava@10", "org.junit.jupiter:junit-jupiter@15 dev"])
    }

    @Test func gradleGroovyAndKotlinConfigurations() throws {
        let groovy = try read("build.gradle", """
            plugins { id 'java' }

            dependencies {
                implementation 'com.google.guava:guava:33.0.0-jre'
                api group: 'org.apache.commons', name: 'commons-lang3', version: '3.14.0'
                implementation project(':core')
                testImplementation 'org.junit.jupiter:junit-jupiter:5.10.0' // tests
            }

            """)
        #expect(summary(groovy) == ["com.google.guava:guava@4", "org.apache.commons:commons-lang3@5", "org.junit.jupiter:junit-jupiter@7 dev"])
        let kotlin = try read("build.gradle.kts", """
            dependencies {
                implementation("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.8.0")
                implementation(libs.ktor.client)
                testImplementation(kotlin("test"))
            }

            """)
        #expect(summary(kotlin) == ["org.jetbrains.kotlinx:kotlinx-coroutines-core@2", "libs.ktor.client@3", "kotlin-test@4 dev"])
    }

    @Test func cargoTablesIncludingDottedOnes() throws {
        let reading = try read("Cargo.toml", """
            [package]
            name = "shift-pay"
            version = "0.1.0"

            [dependencies]
            serde = { version = "1", features = ["derive"] }
            chrono = "0.4" # dates

            [dependencies.clap]
            version = "4"

            [dev-dependencies]
            proptest = "1"

            [target.'cfg(unix)'.dependencies]
            libc = "0.2"

            """)
        #expect(summary(reading) == ["serde@6", "chrono@7", "clap@9", "proptest@13 dev", "libc@16"])
    }

    @Test func gemfileGroupsMakeDevelopmentGems() throws {
        let reading = try read("Gemfile", """
            source "https://rubygems.org"

            gem "rails", "~> 7.1"
            gem 'pg'
            gem "rubocop", require: false, group: :development

            group :development, :test do
              gem "rspec-rails"
            end

            group :production do
              gem "puma"
            end

            """)
        #expect(summary(reading) == ["rails@3", "pg@4", "rubocop@5 dev", "rspec-rails@8 dev", "puma@12"])
    }

    @Test func pythonDevelopmentRequirementsAndPoetryGroups() throws {
        let scratch = try ScratchTree()
        try scratch.write("requirements-dev.txt", "pytest>=8\n")
        try scratch.write("pyproject.toml", """
            [project]
            dependencies = ["requests>=2"]

            [project.optional-dependencies]
            test = ["coverage"]

            [tool.poetry.group.dev.dependencies]
            black = "^24"

            """)
        #expect(summary(Manifests.read(in: scratch.url)) == ["requests@2", "coverage@5 dev", "black@8 dev", "pytest@1 dev"])
    }

    @Test func malformedManifestsGiveNotesNotErrors() throws {
        let scratch = try ScratchTree()
        try scratch.write("package.json", "{ \"dependencies\": { \"express\": \"^4\" ")
        try scratch.write("go.mod", "module x\n\nrequire (\n\tgithub.com/a/b v1.0.0\n")
        try scratch.write("Package.swift", "let package = Package(dependencies: [.package(url: \"https://x/y.git\", from: \"1.0.0\")\n")
        try scratch.write("pom.xml", "<project><dependencies>\n<dependency>\n<artifactId>guava</artifactId>\n")
        try scratch.write("build.gradle", "dependencies {\n    implementation 'a:b:1'\n")
        try scratch.write("Cargo.toml", "[dependencies\nserde = \"1\"\n")
        try scratch.write("Gemfile", "gem \"rails\ngem 'pg'\n")
        let reading = Manifests.read(in: scratch.url)
        // What could still be read is kept; each broken file says why, in file name order.
        #expect(summary(reading) == ["pg@2", "y@1", "a:b@2", "github.com/a/b@4"])
        #expect(reading.notes.map(\.file) == ["Cargo.toml", "Package.swift", "build.gradle", "go.mod", "package.json", "pom.xml"])
        #expect(reading.notes.first?.message == "manifest not read as intended: the table header at line 1 is never closed")
    }
}
