using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux;

/// <summary><see cref="ISysctl"/> over the <c>/proc/sys</c> file system.</summary>
public sealed class ProcSysctl : ISysctl
{
    private readonly string _root;

    public ProcSysctl(string root = "/proc/sys") => _root = root;

    public string Read(string key) => File.ReadAllText(PathOf(key)).Trim();

    public void Write(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var path = PathOf(key);
        try
        {
            File.WriteAllText(path, value);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            throw new VpcCniException(VpcCniErrorCategory.NotFound, ErrorIds.Dataplane.SysctlNotFound, $"Kernel parameter {key} does not exist ({path}).", e);
        }
    }

    private string PathOf(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Contains("..", StringComparison.Ordinal) || key.StartsWith('/'))
        {
            throw new ArgumentException($"Sysctl key '{key}' must be relative to /proc/sys, like net/ipv4/ip_forward.", nameof(key));
        }

        return Path.Combine(_root, key);
    }
}
