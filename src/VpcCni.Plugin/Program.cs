// Placeholder entry point until the dispatcher lands (issue "CNI plugin"); exits with the CNI spec's
// internal-error code so nothing mistakes it for a working plugin.
return 999;
