using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Model;

/// <summary>
/// One app's request pipeline (top-level statements, <c>Main</c>, or <c>Startup.Configure</c>), or the part of one that an
/// extension method on the app adds: the middleware calls on each execution path in order, with the project's own
/// extension methods followed.
/// </summary>
internal sealed class CorsPipelineModel
{
    public CorsPipelineModel(IOperation root, ImmutableArray<ImmutableArray<PipelineCall>> paths, bool isEntryPoint)
    {
        Root = root;
        Paths = paths;
        IsEntryPoint = isEntryPoint;
    }

    public IOperation Root { get; }

    /// <summary>True for a whole app's pipeline; false for an extension method on the app analyzed on its own.</summary>
    public bool IsEntryPoint { get; }

    /// <summary>One list of calls per execution path; empty when the code is too branchy to enumerate.</summary>
    public ImmutableArray<ImmutableArray<PipelineCall>> Paths { get; }
}
