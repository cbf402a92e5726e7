// Channels and schemas of the models feature.
export const modelsChannels = {};
