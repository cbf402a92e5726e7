// Channels and schemas of the plans feature.
export const plansChannels = {};
