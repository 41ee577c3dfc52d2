using System;
using System.Collections.Immutable;

namespace CorsAnalyzers.Model;

/// <summary>
/// The events of one execution path, newest first, as an immutable list that forks for free at branches;
/// plus whether the path has returned and whether it went through a development-only branch.
/// </summary>
internal readonly struct ExecutionPath<T> : IEquatable<ExecutionPath<T>>
    where T : class
{
    private readonly Node? _last;

    private ExecutionPath(Node? last, bool returned, bool isDevelopment)
    {
        _last = last;
        Returned = returned;
        IsDevelopment = isDevelopment;
    }

    public bool Returned { get; }

    /// <summary>The path went through the development branch of an environment check.</summary>
    public bool IsDevelopment { get; }

    public ExecutionPath<T> Add(T item) => new(new Node(item, _last), Returned, IsDevelopment);

    public ExecutionPath<T> Return() => new(_last, returned: true, IsDevelopment);

    public ExecutionPath<T> Resume() => new(_last, returned: false, IsDevelopment);

    public ExecutionPath<T> InDevelopment() => new(_last, Returned, isDevelopment: true);

    public ImmutableArray<T> ToImmutableArray()
    {
        var count = 0;
        for (var node = _last; node is not null; node = node.Previous)
        {
            count++;
        }

        var items = new T[count];
        for (var node = _last; node is not null; node = node.Previous)
        {
            items[--count] = node.Item;
        }

        return ImmutableArray.Create(items);
    }

    public bool Equals(ExecutionPath<T> other) => ReferenceEquals(_last, other._last) && Returned == other.Returned && IsDevelopment == other.IsDevelopment;

    public override bool Equals(object? obj) => obj is ExecutionPath<T> other && Equals(other);

    public override int GetHashCode() => (_last?.GetHashCode() ?? 0) ^ (Returned ? 1 : 0) ^ (IsDevelopment ? 2 : 0);

    private sealed class Node
    {
        public Node(T item, Node? previous)
        {
            Item = item;
            Previous = previous;
        }

        public T Item { get; }

        public Node? Previous { get; }
    }
}
