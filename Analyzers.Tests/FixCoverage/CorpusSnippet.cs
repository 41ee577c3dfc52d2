using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CorsAnalyzers.Tests.FixCoverage;

/// <summary>One file of the fix-coverage corpus: the rule its folder names and the documents it holds.</summary>
public sealed class CorpusSnippet
{
    /// <summary>The line that starts a new document inside a snippet file.</summary>
    public const string DocumentSeparator = "// ---- file: ";

    private CorpusSnippet(string name, string expectedRule, IReadOnlyList<(string Name, string Text)> documents)
    {
        Name = name;
        ExpectedRule = expectedRule;
        Documents = documents;
    }

    /// <summary>The path under the corpus folder, e.g. <c>CORS004/ContainsLocalhost.cs</c>.</summary>
    public string Name { get; }

    /// <summary>The rule the snippet's folder is named after: the snippet must produce at least one finding of it.</summary>
    public string ExpectedRule { get; }

    public IReadOnlyList<(string Name, string Text)> Documents { get; }

    /// <summary>The prefix of the corpus files' resource names (the project embeds them, so a deleted snippet cannot linger in the output).</summary>
    private const string ResourcePrefix = "FixCoverage.Corpus/";

    public static IReadOnlyList<CorpusSnippet> LoadAll()
    {
        var assembly = typeof(CorpusSnippet).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(static name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .OrderBy(static name => name, StringComparer.Ordinal)
            .Select(resource => Load(resource, assembly))
            .ToArray();
    }

    private static CorpusSnippet Load(string resource, Assembly assembly)
    {
        var name = resource.Substring(ResourcePrefix.Length).Replace('\\', '/');
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return new CorpusSnippet(name, name.Split('/')[0], SplitDocuments(name.Split('/').Last(), reader.ReadToEnd()));
    }

    /// <summary>Splits on <see cref="DocumentSeparator"/> lines; text before the first separator belongs to a document named after the file.</summary>
    private static IReadOnlyList<(string Name, string Text)> SplitDocuments(string fileName, string text)
    {
        var documents = new List<(string Name, string Text)>();
        var currentName = fileName;
        var current = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith(DocumentSeparator, StringComparison.Ordinal))
            {
                Flush();
                currentName = line.Substring(DocumentSeparator.Length).Trim();
                continue;
            }

            current.Add(line);
        }

        Flush();
        return documents;

        void Flush()
        {
            var body = string.Join("\n", current);
            if (body.Trim().Length > 0)
            {
                documents.Add((currentName, body));
            }

            current.Clear();
        }
    }

    public override string ToString() => Name;
}
