namespace VpcCni.PowerShell;

/// <summary>
/// Where kubectl would look for a kubeconfig: the first file of <c>KUBECONFIG</c>, else
/// <c>~/.kube/config</c> when it exists; null means none (then the cmdlets try the in-cluster account).
/// </summary>
internal static class KubeconfigLocation
{
    public static string? Default()
    {
        var variable = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrEmpty(variable))
        {
            return variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(File.Exists);
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        return File.Exists(home) ? home : null;
    }
}
