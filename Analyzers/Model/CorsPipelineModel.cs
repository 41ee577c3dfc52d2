using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Model;

/// <summary>
/// One app's request pipeline (top-level statements, <c>Main</c>, or <c>Startup.Configure</c>): the middleware calls on
/// each execution path in order, with the project's own extension methods followed.
/// </summary>
internal sealed class CorsPipelineModel
{
    public CorsPipelineModel(IOperation root, ImmutableArray<ImmutableArray<PipelineCall>> paths)
    {
        Root = root;
        Paths = paths;
    }

    public IOperation Root { get; }

    /// <summary>One list of calls per execution path; empty when the code is too branchy to enumerate.</summary>
    public ImmutableArray<ImmutableArray<PipelineCall>> Paths { get; }
}
