using Microsoft.Extensions.Configuration;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.NodeSettings;

/// <summary>
/// Sets and unsets variables in a node's env file (the file <c>vpc-cni-node run --config</c> reads and
/// reloads; docs/configuration.md, "Changing a node"). The edited file is bound and validated with the
/// engine's own binder before anything is written, so a change the service would reject at reload is
/// refused here with the same <see cref="ErrorIds.Config.InvalidConfiguration"/> error naming each
/// variable. Only the file is judged: a node whose unit also sets variables in <c>Environment=</c> lines
/// or whose ConfigMap sets them may still bind differently.
/// </summary>
public static class EnvFileEditor
{
    /// <summary>The env file the packaged unit reads (packaging/systemd/vpc-cni-node.service).</summary>
    public const string DefaultPath = "/etc/vpc-cni/vpc-cni.env";

    /// <summary>Computes the edit without writing: what would change, and whether the result is valid.</summary>
    /// <param name="path">The env file; a missing file counts as empty.</param>
    /// <param name="changes">Variable names with their new text; null or empty unsets the variable.</param>
    /// <exception cref="InvalidConfigurationException">The edited file would be rejected by the service.</exception>
    /// <exception cref="VpcCniException">An unknown variable, an unwritable value, or an unreadable file.</exception>
    public static EnvFileChange Preview(string path, IReadOnlyDictionary<string, string?> changes) => Edit(path, changes, write: false);

    /// <summary>As <see cref="Preview"/>, then writes the file atomically when anything changed.</summary>
    public static EnvFileChange Apply(string path, IReadOnlyDictionary<string, string?> changes) => Edit(path, changes, write: true);

    private static EnvFileChange Edit(string path, IReadOnlyDictionary<string, string?> changes, bool write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(changes);
        var fullPath = Path.GetFullPath(path);
        var before = Read(fullPath);
        var document = EnvFileDocument.Parse(before);
        foreach (var (name, value) in changes)
        {
            var variable = Known(name);
            if (string.IsNullOrEmpty(value))
            {
                document.Unset(variable.Name);
            }
            else
            {
                document.Set(variable.Name, value);
            }
        }

        var after = document.ToString();
        var old = EnvFileParser.Parse(before);
        var fresh = EnvFileParser.Parse(after);
        var bound = VpcCniSettingsBinder.Evaluate(new ConfigurationBuilder().AddInMemoryCollection(fresh).Build());
        if (!bound.IsValid)
        {
            throw new InvalidConfigurationException(bound.Errors);
        }

        var changed = ConfigurationVariables.All
            .Select(v => new VariableChange(v.Name, ValueOf(old, v.Name), ValueOf(fresh, v.Name), v.AppliesLive))
            .Where(c => c.Before != c.After)
            .ToArray();
        var written = write && !string.Equals(before, after, StringComparison.Ordinal);
        if (written)
        {
            AtomicFileWriter.Write(fullPath, after);
        }

        return new EnvFileChange
        {
            EnvironmentFile = fullPath,
            Changes = changed,
            Settings = bound.Settings,
            Notices = [.. bound.Notices.Select(n => n.Message)],
            Written = written,
        };
    }

    /// <summary>The catalogue entry of <paramref name="name"/> (any letter case), or an error suggesting the closest name.</summary>
    public static ConfigurationVariable Known(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (ConfigurationVariables.TryGetByName(name, out var variable))
        {
            return variable;
        }

        var hint = ConfigurationVariables.All.FirstOrDefault(v =>
            v.Name.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(v.Name, StringComparison.OrdinalIgnoreCase));
        throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.NodeSettings.UnknownVariable,
            $"'{name}' is not a variable the node understands (docs/configuration.md lists them){(hint is null ? "." : $"; did you mean {hint.Name}?")}");
    }

    private static string Read(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new VpcCniException(
                ex is UnauthorizedAccessException ? VpcCniErrorCategory.PermissionDenied : VpcCniErrorCategory.ResourceUnavailable,
                ErrorIds.NodeSettings.FileNotReadable, $"Cannot read the environment file {path}: {ex.Message}", ex);
        }
    }

    /// <summary>An empty value counts as unset, as the binder treats it.</summary>
    private static string? ValueOf(Dictionary<string, string?> values, string name) =>
        values.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
