using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace VpcCni.Simulator.Imds;

/// <summary>IMDSv2 session tokens: opaque random strings bound to an instance, valid for their TTL (1 s – 6 h).</summary>
internal sealed class ImdsTokenStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string InstanceId, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    public string Issue(string instanceId, int ttlSeconds)
    {
        var now = time.GetUtcNow();
        foreach (var (key, value) in _tokens)
        {
            if (value.Expires <= now)
            {
                _tokens.TryRemove(key, out _);
            }
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(42));
        _tokens[token] = (instanceId, now.AddSeconds(ttlSeconds));
        return token;
    }

    public bool IsValid(string? token, string instanceId) =>
        token is not null && _tokens.TryGetValue(token, out var entry) && entry.InstanceId == instanceId && entry.Expires > time.GetUtcNow();

    public void Clear() => _tokens.Clear();
}
