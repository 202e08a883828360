const name = "presence:join";
export default name;
