const enc = encodeURIComponent;
export const servicePath = (envId: string, cluster: string, service: string) => `/monitor/${enc(envId)}/${enc(cluster)}/${enc(service)}`;
export const historyPath = (envId: string, cluster: string, service?: string) => `/monitor/${enc(envId)}/${enc(cluster)}/history${service ? `?service=${enc(service)}` : ""}`;
