using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Model;

/// <summary>
/// One CORS policy as the code builds it: the lambda given to AddPolicy/AddDefaultPolicy/UseCors/RequireCors,
/// a method used as such a delegate, or a <c>new CorsPolicyBuilder(...)</c>. Each path through branches is a
/// separate <see cref="PolicyState"/>.
/// </summary>
internal sealed class CorsPolicyModel
{
    public CorsPolicyModel(IOperation root, ImmutableArray<PolicyState> paths)
    {
        Root = root;
        Paths = paths;
    }

    /// <summary>The lambda, method reference or object creation the policy starts from.</summary>
    public IOperation Root { get; }

    /// <summary>One state per execution path; empty when the code is too branchy to enumerate.</summary>
    public ImmutableArray<PolicyState> Paths { get; }
}
