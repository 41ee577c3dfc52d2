using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Tests.FixCoverage;

/// <summary>A corpus snippet as a workspace project: its documents, the Web SDK implicit usings and the ASP.NET Core 8 references.</summary>
public static class SnippetProject
{
    public const string ImplicitUsingsDocumentName = "GlobalUsings.g.cs";

    public static Project Create(CorpusSnippet snippet, ImmutableArray<MetadataReference> references)
    {
        var workspace = new AdhocWorkspace();
        var outputKind = snippet.Documents.Any(static d => CorsTestSetup.IsApp(d.Text))
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var projectInfo = ProjectInfo.Create(
                ProjectId.CreateNewId(),
                VersionStamp.Default,
                name: "CorpusProject",
                assemblyName: "CorpusProject",
                language: LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(CorsTestSetup.ParseOptions)
            .WithMetadataReferences(references);
        var project = workspace.AddProject(projectInfo);
        foreach (var (name, text) in snippet.Documents)
        {
            project = project.AddDocument(name, SourceText.From(text), filePath: "/src/" + name).Project;
        }

        project = project.AddDocument(ImplicitUsingsDocumentName, SourceText.From(CorsTestSetup.WebSdkImplicitUsings), filePath: "/src/" + ImplicitUsingsDocumentName).Project;
        return project;
    }
}
