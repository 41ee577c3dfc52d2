using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests;

public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>A rule with several descriptors (a second one for findings decided at compilation end) means its first, main one.</summary>
    public static DiagnosticResult Diagnostic(string diagnosticId) =>
        CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(new TAnalyzer().SupportedDiagnostics.First(d => d.Id == diagnosticId));

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) =>
        CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync([StringSyntax("C#-test")] string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, implicitUsings: true, expected);

    public static async Task VerifyAnalyzerAsync([StringSyntax("C#-test")] string source, bool implicitUsings, params DiagnosticResult[] expected)
    {
        var test = new Test(source, implicitUsings);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test(string source, bool implicitUsings = true)
        {
            TestCode = source;
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
            CorsTestSetup.Apply(TestState, source, implicitUsings);
            CorsTestSetup.DisableOtherFamilies(new TAnalyzer(), DisabledDiagnostics);
        }

        /// <summary>Adds a project of the same solution that the tested app references (ASP.NET Core reference set unless given).</summary>
        public Test WithReferencedProject(string name, string source, ReferenceAssemblies? referenceAssemblies = null)
        {
            var project = TestState.AdditionalProjects[name];
            project.ReferenceAssemblies = referenceAssemblies ?? CorsTestSetup.AspNetCore;
            project.Sources.Add(source);
            TestState.AdditionalProjectReferences.Add(name);
            return this;
        }

        /// <summary>The reference sets are resolved and checked before anything is compiled against them.</summary>
        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            await ReferenceSets.EnsureResolvedAsync(TestState);
            await base.RunImplAsync(cancellationToken);
        }

        /// <summary>Symbols such as DEBUG that the test compilation defines.</summary>
        public string[] PreprocessorSymbols { get; set; } = [];

        protected override ParseOptions CreateParseOptions() => CorsTestSetup.ParseOptions.WithPreprocessorSymbols(PreprocessorSymbols);
    }
}
