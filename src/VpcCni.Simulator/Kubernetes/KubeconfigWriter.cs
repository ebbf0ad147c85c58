using System.Globalization;
using System.Text;

namespace VpcCni.Simulator.Kubernetes;

/// <summary>
/// Writes a kubeconfig (kubectl docs, "Organizing Cluster Access Using kubeconfig Files") with one
/// cluster, user and context for a loopback API server, so kubectl, KubernetesClient and the node
/// service reach it as they would a real cluster. The server checks no credentials; the token is
/// there because clients expect a user entry.
/// </summary>
public static class KubeconfigWriter
{
    public const string ContextName = "vpccni-sim";

    /// <summary>The kubeconfig text for <paramref name="server"/> with <paramref name="defaultNamespace"/> as the context's namespace.</summary>
    public static string Render(Uri server, string defaultNamespace = "default")
    {
        ArgumentNullException.ThrowIfNull(server);
        var text = new StringBuilder();
        text.AppendLine("apiVersion: v1");
        text.AppendLine("kind: Config");
        text.AppendLine("clusters:");
        text.AppendLine(CultureInfo.InvariantCulture, $"- name: {ContextName}");
        text.AppendLine("  cluster:");
        text.AppendLine(CultureInfo.InvariantCulture, $"    server: {server.GetLeftPart(UriPartial.Authority)}");
        text.AppendLine("users:");
        text.AppendLine(CultureInfo.InvariantCulture, $"- name: {ContextName}");
        text.AppendLine("  user:");
        text.AppendLine("    token: loopback");
        text.AppendLine("contexts:");
        text.AppendLine(CultureInfo.InvariantCulture, $"- name: {ContextName}");
        text.AppendLine("  context:");
        text.AppendLine(CultureInfo.InvariantCulture, $"    cluster: {ContextName}");
        text.AppendLine(CultureInfo.InvariantCulture, $"    user: {ContextName}");
        text.AppendLine(CultureInfo.InvariantCulture, $"    namespace: {defaultNamespace}");
        text.AppendLine(CultureInfo.InvariantCulture, $"current-context: {ContextName}");
        return text.ToString();
    }

    /// <summary>Writes <see cref="Render"/> to <paramref name="path"/> (mode 0600, as kubectl keeps it) and returns the path.</summary>
    public static string Write(string path, Uri server, string defaultNamespace = "default")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, Encoding.UTF8, options))
        {
            writer.Write(Render(server, defaultNamespace));
        }

        return path;
    }
}
