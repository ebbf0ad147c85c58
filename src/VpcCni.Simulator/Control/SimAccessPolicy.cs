namespace VpcCni.Simulator.Control;

/// <summary>The IAM allow-list: null allows every action; otherwise others answer 403 UnauthorizedOperation.</summary>
internal sealed class SimAccessPolicy
{
    private volatile HashSet<string>? _allowed;

    public void Set(IEnumerable<string>? allowed) =>
        _allowed = allowed is null ? null : new HashSet<string>(allowed, StringComparer.Ordinal);

    public IReadOnlyCollection<string>? Allowed => _allowed;

    public bool IsAllowed(string action) => _allowed is not { } set || set.Contains(action);
}
